import type { Design } from '../design/design-types';
import { parseParams, schemaOf } from '../design/params';
import { kindDef } from '../kind-table';
import { limits, settingProblems } from '../limits';
import { knownSettings } from './settings';

/** The keys a design built in memory (as by import) has; any other sends it the long way. */
const plainKeys = new Set(['name', 'nodes', 'edges', 'weights']);
const nodeKeys = new Set(['id', 'kind', 'label', 'params', 'position']);
const edgeKeys = new Set(['id', 'from', 'to']);

/** How deep the design's own objects sit around a node's params (document, nodes, node). */
const PARAMS_DEPTH = 3;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);

const goodName = (v: unknown, empty: boolean): boolean =>
  typeof v === 'string' && (empty || v !== '') && v.length <= limits.maxNameLength;

const goodPort = (v: unknown): boolean =>
  isRecord(v) && goodName(v['node'], false) && Number.isSafeInteger(v['port']) && (v['port'] as number) >= 0;

/** The deepest object inside a value, counting the value itself as 0 (typed arrays are flat). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.v !== 'object' || item.v === null || ArrayBuffer.isView(item.v)) continue;
    deepest = Math.max(deepest, item.depth);
    if (deepest + PARAMS_DEPTH >= limits.maxNesting) return deepest;
    for (const x of Object.values(item.v)) stack.push({ v: x, depth: item.depth + 1 });
  }
  return deepest;
}

/**
 * Whether `loadDesign` surely accepts the design, by checks each at least as strict as its own,
 * done once per params object (equal nodes of an import share one): a 150,000-node import is not
 * cloned through the document's schema to learn that it is fine. False says only "not sure": the
 * caller then asks `loadDesign` itself, for its sentence.
 */
export function surelyLoads(design: Design): boolean {
  if (!Object.keys(design).every((k) => plainKeys.has(k))) return false;
  const { name, nodes, edges, weights } = design;
  if (!goodName(name, true) || !Array.isArray(nodes) || !Array.isArray(edges)) return false;
  if (nodes.length > limits.maxNodes || edges.length > 4 * limits.maxNodes) return false;
  const fine = new Map<object, string>();
  const ids = new Set<string>();
  for (const n of nodes as readonly unknown[]) {
    if (!isRecord(n) || !Object.keys(n).every((k) => nodeKeys.has(k))) return false;
    const { id, kind, label, params, position } = n;
    if (!goodName(id, false) || !goodName(label, true) || typeof kind !== 'string' || kind === '')
      return false;
    if (ids.has(id as string)) return false;
    ids.add(id as string);
    if (!isRecord(position) || !Number.isFinite(position['x']) || !Number.isFinite(position['y']))
      return false;
    if (!isRecord(params) || Object.getPrototypeOf(params) !== Object.prototype) return false;
    if (fine.get(params) === kind) continue;
    const def = kindDef(kind);
    if (def === undefined) return false;
    const known = knownSettings(schemaOf(def));
    if (known !== undefined && !Object.keys(params).every((k) => known.includes(k))) return false;
    if (settingProblems(params).length > 0 || !parseParams(def, kind, params).success) return false;
    if (depthOf(params) + PARAMS_DEPTH >= limits.maxNesting) return false;
    fine.set(params, kind);
  }
  const edgeIds = new Set<string>();
  for (const e of edges as readonly unknown[]) {
    if (!isRecord(e) || !Object.keys(e).every((k) => edgeKeys.has(k))) return false;
    const { id, from, to } = e;
    if (!goodName(id, false) || edgeIds.has(id as string)) return false;
    edgeIds.add(id as string);
    if (!goodPort(from) || !goodPort(to)) return false;
    if (!ids.has((from as { node: string }).node) || !ids.has((to as { node: string }).node)) return false;
  }
  if (weights === undefined) return true;
  if (!isRecord(weights) || typeof weights.source !== 'string' || !isRecord(weights.layers)) return false;
  for (const [key, roles] of Object.entries(weights.layers)) {
    if (!ids.has(key.split('/', 1)[0] ?? '') || !isRecord(roles)) return false;
    for (const v of Object.values(roles)) if (!(v instanceof Float32Array)) return false;
  }
  return true;
}
