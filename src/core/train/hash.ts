import type { Design } from '../design/types';

/**
 * A content hash of what a design computes: its nodes' ids, kinds and params and its edges (not
 * names, positions, weights or results), FNV-1a 32-bit in hex. A result records it, so a view can
 * tell whether the design still is the one that was trained.
 */
export function designHash(design: Design): string {
  const text = JSON.stringify({
    nodes: design.nodes.map((n) => [n.id, n.kind, n.params]),
    edges: design.edges.map((e) => [e.from.node, e.from.port, e.to.node, e.to.port]),
  });
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
