import type { Design } from '../graph/types';

/** JSON with object keys sorted, so that the same content always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return value === undefined ? 'null' : JSON.stringify(value);
}

/**
 * A stable content hash of what a design computes: 32-bit FNV-1a over the UTF-8 of canonical JSON
 * of its nodes (id, kind, params), edges and weight keys (layer key and role, not the values).
 * Positions, labels, the name and training results are left out, so moving or renaming a node
 * keeps the hash and a changed layer or wiring changes it. Eight hex digits.
 */
export function designHash(design: Design): string {
  const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const content = {
    nodes: design.nodes.map((n) => ({ id: n.id, kind: n.kind, params: n.params })).sort(byId),
    edges: [...design.edges].sort(byId),
    weights: Object.entries(design.weights?.layers ?? {})
      .flatMap(([key, roles]) => Object.keys(roles).map((role) => `${key}.${role}`))
      .sort(),
  };
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(canonical(content))) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
