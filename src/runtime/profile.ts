import type { NodeTime } from './protocol';
import { median } from './outputs';

/**
 * onnxruntime's profiler writes a Chrome trace: a JSON array of events. Each node run gives an
 * event `{cat: "Node", name: "<node>_kernel_time", dur: µs, args: {op_name}}`.
 * Fused nodes carry onnxruntime's suffixes ("conv1_relu_nchwc"); layout nodes it inserts
 * ("ReorderOutput_token_3") belong to no node of the design.
 */

interface TraceEvent {
  readonly cat?: unknown;
  readonly name?: unknown;
  readonly dur?: unknown;
  readonly args?: { readonly op_name?: unknown };
}

const SUFFIX = '_kernel_time';

/** Extracts the JSON array from the profiler's text (printed lines may carry other output around it). */
export function traceEvents(text: string): TraceEvent[] {
  const start = text.indexOf('[');
  const end = text.lastIndexOf(']');
  if (start < 0 || end <= start) return [];
  try {
    const parsed: unknown = JSON.parse(text.slice(start, end + 1));
    return Array.isArray(parsed) ? (parsed as TraceEvent[]) : [];
  } catch {
    return [];
  }
}

/** Per-node time: the median over the profiled runs, in milliseconds, in the order nodes first ran. */
export function nodeTimes(events: readonly TraceEvent[]): NodeTime[] {
  const byName = new Map<string, { op: string; durations: number[] }>();
  for (const e of events) {
    if (e.cat !== 'Node' || typeof e.name !== 'string' || !e.name.endsWith(SUFFIX)) continue;
    if (typeof e.dur !== 'number') continue;
    const name = e.name.slice(0, -SUFFIX.length);
    const op = typeof e.args?.op_name === 'string' ? e.args.op_name : '?';
    const entry = byName.get(name) ?? { op, durations: [] };
    entry.durations.push(e.dur / 1000);
    byName.set(name, entry);
  }
  return [...byName].map(([name, { op, durations }]) => ({ name, op, ms: median(durations) }));
}

export interface LayerRef {
  /** The layer's ONNX node name in the model that ran (its label path). */
  readonly name: string;
  /** Its stable key (node id + inner path) and top-level node id, which outlive a rename. */
  readonly key: string;
  readonly nodeId: string;
}

export interface DesignTimes {
  /** Milliseconds per top-level design node, by node id. */
  readonly byNode: Readonly<Record<string, number>>;
  /** Milliseconds per primitive layer, by layer key ("n7/expand"). */
  readonly byLayer: Readonly<Record<string, number>>;
  /** Time of nodes onnxruntime added itself (layout reorders), which belong to no design node. */
  readonly unattributed: number;
  readonly total: number;
}

const BOUNDARY = new Set(['/', '_', ':', '.']);

/**
 * Finds the layer of a trace node: the layer whose name is the longest prefix of the trace name
 * at a boundary (ONNX node names follow layer names, and fusions only append suffixes).
 */
export function layerMatcher(layers: readonly LayerRef[]): (traceName: string) => LayerRef | undefined {
  const exact = new Map(layers.map((l) => [l.name, l]));
  const names = [...exact.keys()].sort((a, b) => b.length - a.length);
  return (traceName) => {
    const hit = exact.get(traceName);
    if (hit !== undefined) return hit;
    for (const n of names)
      if (n.length < traceName.length && traceName.startsWith(n) && BOUNDARY.has(traceName.charAt(n.length)))
        return exact.get(n);
    return undefined;
  };
}

/**
 * Trace times by identity, attributed with the names of the model that ran: keyed by node id and
 * layer key, they stay with their nodes when a node is renamed after the run.
 */
export function attributeTimes(times: readonly NodeTime[], layers: readonly LayerRef[]): DesignTimes {
  const match = layerMatcher(layers);
  const byNode: Record<string, number> = {};
  const byLayer: Record<string, number> = {};
  let unattributed = 0;
  let total = 0;
  for (const t of times) {
    total += t.ms;
    const layer = match(t.name);
    if (layer === undefined) unattributed += t.ms;
    else {
      byNode[layer.nodeId] = (byNode[layer.nodeId] ?? 0) + t.ms;
      byLayer[layer.key] = (byLayer[layer.key] ?? 0) + t.ms;
    }
  }
  return { byNode, byLayer, unattributed, total };
}
