import type { Design, DesignNode, DesignWeights } from '../design/design-types';
import { floatsToBase64 } from '../onnx/base64';

/**
 * A content hash of what a design computes: its nodes (id, kind, params), its wires and its
 * weights. Positions, names and labels do not count, so moving or renaming a card keeps it, and
 * any edit that changes a figure of a run changes it. Stable across sessions and machines: it is
 * 64 bits of FNV-1a over a canonical text (object keys sorted), written as 16 hex digits.
 *
 * `{ weights: false }` leaves the weights out: what a training result records (trainedHash), since
 * training is what changes them. A design without weights has one hash either way.
 */
export function designHash(design: Design, count: { readonly weights: boolean } = { weights: true }): string {
  const h = new Fnv();
  const nodes = [...design.nodes].sort((a, b) => compare(a.id, b.id));
  for (const n of nodes) h.text(`n${n.id}\u0000${n.kind}\u0000${canonical(n.params)}\u0001`);
  const edges = design.edges
    .map((e) => `${e.from.node}:${String(e.from.port)}>${e.to.node}:${String(e.to.port)}`)
    .sort(compare);
  for (const e of edges) h.text(`e${e}\u0001`);
  if (count.weights && design.weights !== undefined) h.text(`w${weightsHash(design.weights)}`);
  return h.hex();
}

/**
 * Per node, a hash of what decides its own computation: its kind and params, what feeds it (by
 * node and port) and its weights. A node whose entry is unchanged between two revisions computes
 * the same as long as its inputs have the same shapes (the caller compares those).
 */
export function nodeHashes(design: Design): ReadonlyMap<string, string> {
  const feeds = new Map<string, string[]>();
  for (const e of design.edges) {
    const list = feeds.get(e.to.node) ?? [];
    list.push(`${String(e.to.port)}<${e.from.node}:${String(e.from.port)}`);
    feeds.set(e.to.node, list);
  }
  const weights = design.weights?.layers;
  const out = new Map<string, string>();
  for (const n of design.nodes) {
    const h = new Fnv();
    h.text(`${n.kind}\u0000${canonical(n.params)}\u0000${(feeds.get(n.id) ?? []).sort(compare).join(',')}`);
    if (weights !== undefined)
      for (const key of ownKeys(weights, n)) h.text(`${key}=${layerHash(weights[key])}`);
    out.set(n.id, h.hex());
  }
  return out;
}

/** The hash a training result records of the design it trained: the design without its weights. */
export const trainedHash = (design: Design): string => designHash(design, { weights: false });

/**
 * A training result's recorded hash as trainedHash writes it. Builds before it wrote two others:
 * 8 hex digits, FNV-1a 32 over the nodes' ids, kinds and params and the edges (the browser's
 * training engine), and designHash with the trained weights (the PyTorch project's results). One
 * that names this design becomes its trainedHash; any other names another revision and is kept.
 */
export function currentTrainedHash(recorded: string, design: Design): string {
  const now = trainedHash(design);
  if (recorded === now) return recorded;
  if (/^[0-9a-f]{8}$/.test(recorded)) return recorded === structureHash32(design) ? now : recorded;
  if (/^[0-9a-f]{16}$/.test(recorded) && design.weights !== undefined)
    return recorded === designHash(design) ? now : recorded;
  return recorded;
}

/** The browser training engine's hash before trainedHash: FNV-1a 32 of the nodes and edges as JSON. */
function structureHash32(design: Design): string {
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

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The weight keys of one node: its id, or its id and an inner path ("n3/expand"). */
const ownKeys = (layers: DesignWeights['layers'], n: DesignNode): string[] =>
  Object.keys(layers)
    .filter((k) => k === n.id || k.startsWith(`${n.id}/`))
    .sort(compare);

/** JSON with object keys sorted, so {a, b} and {b, a} read alike. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort(compare)
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return v === undefined ? 'null' : JSON.stringify(v);
}

// Weight tensors are large (25 MB for a model) and shared between revisions: each layer's record is
// hashed once per object (edits keep the records of the layers they did not touch).
const layerHashes = new WeakMap<object, string>();

function layerHash(layer: Readonly<Record<string, Float32Array>> | undefined): string {
  if (layer === undefined) return '';
  let known = layerHashes.get(layer);
  if (known === undefined) {
    const h = new Fnv();
    // Over the values' base64, as a document holds them: hashes recorded before the values were
    // held as float32 arrays stay the same.
    for (const role of Object.keys(layer).sort(compare)) {
      const values = layer[role];
      h.text(`${role}=${values === undefined ? '' : floatsToBase64(values)};`);
    }
    known = h.hex();
    layerHashes.set(layer, known);
  }
  return known;
}

function weightsHash(w: DesignWeights): string {
  const h = new Fnv();
  for (const key of Object.keys(w.layers).sort(compare)) h.text(`${key}=${layerHash(w.layers[key])};`);
  return h.hex();
}

/** FNV-1a 64 of a text's UTF-16 units, as 16 hex digits. */
export function fnv1a64(text: string): string {
  const h = new Fnv();
  h.text(text);
  return h.hex();
}

/** FNV-1a, 64 bits as two 32-bit halves (the standard offset basis and prime, on UTF-16 units). */
class Fnv {
  private hi = 0xcbf29ce4;
  private lo = 0x84222325;

  text(s: string): void {
    for (let i = 0; i < s.length; i++) this.byte(s.charCodeAt(i));
  }

  private byte(c: number): void {
    this.lo ^= c;
    // × 0x100000001b3 (2^40 + 0x1b3), modulo 2^64, in 16-bit pieces to stay exact.
    const lo = this.lo >>> 0;
    const hi = this.hi >>> 0;
    const l0 = lo & 0xffff;
    const l1 = lo >>> 16;
    const p0 = l0 * 0x1b3;
    const p1 = l1 * 0x1b3 + (p0 >>> 16);
    const newLo = ((p1 & 0xffff) << 16) | (p0 & 0xffff);
    const carry = Math.floor(p1 / 0x10000);
    // hi · 0x1b3 + lo · 2^8 (the 2^40 term moves lo into hi shifted by 8) + carry.
    const newHi = Math.imul(hi, 0x1b3) + (lo << 8) + carry;
    this.lo = newLo >>> 0;
    this.hi = newHi >>> 0;
  }

  hex(): string {
    return (this.hi >>> 0).toString(16).padStart(8, '0') + (this.lo >>> 0).toString(16).padStart(8, '0');
  }
}
