// Loading a design checks each node against the kind table: importing it installs the table.
import '../kinds';
import { z } from 'zod';
import type { Design, DesignNode, DesignWeights } from '../design/design-types';
import { kindDef } from '../kind-table';
import { limits, nestingProblem, overLimit, settingProblems } from '../limits';
import { ident, quote } from '../quote';
import { base64ToFloats, floatsToBase64 } from '../onnx/base64';
import { surelyLoads } from './built-check';
import { currentTrainedHash } from './design-hash';
import { describeIssue, fieldOf } from './issues';
import { CURRENT_VERSION, migrate } from './migrations';
import { MAX_RESULTS, resultSchema } from './results';
import { unknownSettings } from './settings';

export const FORMAT = 'compact-studio-design';
export { CURRENT_VERSION };

const survival = z.number().gt(0, 'a survival probability is above 0').max(1);
const portRef = z.object({ node: z.string().min(1), port: z.number().int().min(0) });
const nodeShape = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  label: z.string(),
  position: z.object({ x: z.number(), y: z.number() }),
  params: z.record(z.string(), z.unknown()),
});
/** One tensor's values: a float32 array as it is, or base64 text decoded to one. */
const weightValues = z
  .custom<string | Float32Array>(
    (v) => typeof v === 'string' || v instanceof Float32Array,
    'must be base64 of float32 values',
  )
  .transform((v, ctx) => {
    if (v instanceof Float32Array) return v;
    const floats = /^[A-Za-z0-9+/]*={0,2}$/.test(v) ? base64ToFloats(v) : undefined;
    if (floats === undefined) ctx.addIssue({ code: 'custom', message: 'not base64 of float32 values' });
    return floats ?? new Float32Array(0);
  });
const fileShape = z.object({
  format: z.literal(FORMAT),
  version: z.number().int().min(1),
  name: z.string(),
  nodes: z.array(nodeShape),
  edges: z.array(z.object({ id: z.string().min(1), from: portRef, to: portRef })),
  /**
   * Imported weights: source file, and layer key → role → values: base64 of little-endian float32
   * in a file, float32 arrays in memory and in IndexedDB (see DesignWeights).
   */
  weights: z
    .object({
      source: z.string(),
      layers: z.record(z.string(), z.record(z.string(), weightValues)),
    })
    .optional(),
  /** Stochastic depth: survival probabilities in (0, 1]. */
  stochasticDepth: z
    .object({
      lastSurvival: survival,
      survival: z.record(z.string(), survival).optional(),
    })
    .optional(),
  /** NestedNet levels: widths in (0, 1], ascending, the last 1. */
  nested: z
    .object({
      widths: z
        .array(z.number().gt(0).max(1))
        .min(2)
        .max(8)
        .refine((w) => w.every((v, i) => i === 0 || v > (w[i - 1] ?? 0)), 'the widths must ascend')
        .refine((w) => w.at(-1) === 1, 'the last level is the design itself: width 1'),
    })
    .optional(),
  /** Training results, newest last. */
  results: z.array(resultSchema).max(MAX_RESULTS).optional(),
});

export type LoadResult =
  { readonly ok: true; readonly design: Design } | { readonly ok: false; readonly errors: readonly string[] };

/** "node 2 "conv1" (id "n2")": a node or edge by position, label and id, every name quoted. */
export function itemAt(top: 'node' | 'edge', index: number, item: unknown): string {
  const { id, label } = (typeof item === 'object' && item !== null ? item : {}) as {
    id?: unknown;
    label?: unknown;
  };
  const named = typeof label === 'string' && label !== '' ? ` ${quote(label)}` : '';
  const idText = typeof id === 'string' ? (named === '' ? ` ${quote(id)}` : ` (id ${quote(id)})`) : '';
  return `${top} ${index + 1}${named}${idText}`;
}

/** Turns a zod path into words: nodes[3].params.kernel → "node 4 … field params.kernel". */
function where(path: readonly PropertyKey[], raw: unknown): string {
  const [top, index, ...rest] = path;
  if ((top === 'nodes' || top === 'edges') && typeof index === 'number') {
    const list = (raw as Record<string, unknown[] | undefined>)[top];
    const field = rest.length > 0 ? `, field ${ident(rest.map(String).join('.'))}` : '';
    return `${itemAt(top === 'nodes' ? 'node' : 'edge', index, list?.[index])}${field}`;
  }
  return path.length === 0 ? 'document' : `field ${ident(path.map(String).join('.'))}`;
}

/** Counts and name lengths over the limits, checked before the schema walks the document. */
function sizeProblems(doc: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const { nodes, edges, name } = doc;
  if (Array.isArray(nodes) && nodes.length > limits.maxNodes)
    errors.push(`document: ${nodes.length.toLocaleString('en-US')} nodes are ${overLimit('maxNodes')}`);
  if (Array.isArray(edges) && edges.length > 4 * limits.maxNodes)
    errors.push(
      `document: ${edges.length.toLocaleString('en-US')} edges are too many for ${overLimit('maxNodes')}`,
    );
  if (typeof name === 'string' && name.length > limits.maxNameLength)
    errors.push(`field name: the design's name is ${overLimit('maxNameLength')}`);
  const check = (list: unknown, top: 'node' | 'edge'): void => {
    if (!Array.isArray(list) || list.length > limits.maxNodes * 4) return;
    list.forEach((item: unknown, i) => {
      if (typeof item !== 'object' || item === null) return;
      for (const key of ['id', 'label'] as const) {
        const v = (item as Record<string, unknown>)[key];
        if (typeof v === 'string' && v.length > limits.maxNameLength)
          errors.push(`${itemAt(top, i, item)}, field ${key}: ${overLimit('maxNameLength')}`);
      }
    });
  };
  check(nodes, 'node');
  check(edges, 'edge');
  return errors.slice(0, 20);
}

/** Validates a parsed JSON value as a design document, migrating older versions. Never throws. */
export function loadDesign(raw: unknown): LoadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, errors: ['document: not a Compact Studio design (expected a JSON object)'] };
  // Before anything walks it by recursion: 4,000 levels of settings must be a sentence, not a stack overflow.
  const deep = nestingProblem(raw);
  if (deep !== undefined) return { ok: false, errors: [`document: ${deep}`] };
  const format = (raw as { format?: unknown }).format;
  if (format !== FORMAT)
    return {
      ok: false,
      errors: [
        `document: not a Compact Studio design (format is ${format === undefined ? 'missing' : JSON.stringify(format)}, expected "${FORMAT}")`,
      ],
    };
  const migrated = migrate(raw);
  if (!migrated.ok) return { ok: false, errors: [migrated.error] };
  const tooBig = sizeProblems(migrated.value);
  if (tooBig.length > 0) return { ok: false, errors: tooBig };
  const parsed = fileShape.safeParse(migrated.value);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues
        .slice(0, 20)
        .map((i) => `${where(i.path, migrated.value)}: ${describeIssue(i)}`),
    };
  const file = parsed.data;
  const errors: string[] = [];
  const ids = new Set<string>();
  const nodes: DesignNode[] = [];
  file.nodes.forEach((n, i) => {
    const at = (): string => itemAt('node', i, n);
    if (ids.has(n.id)) errors.push(`${at()}: the id is used twice`);
    ids.add(n.id);
    const found = kindDef(n.kind);
    const def = found === undefined ? undefined : 'op' in found ? found.op : found.block;
    if (def === undefined) {
      errors.push(`${at()}: unknown kind ${quote(n.kind)}`);
      return;
    }
    const before = errors.length;
    for (const p of [...unknownSettings(n.kind, def.schema, n.params), ...settingProblems(n.params)])
      errors.push(`${at()}, field ${ident(p.field)}: ${p.message}`);
    if (errors.length > before) return;
    const params = def.schema.safeParse(n.params);
    if (!params.success) {
      for (const issue of params.error.issues.slice(0, 8))
        errors.push(`${at()}, field ${ident(fieldOf(issue.path))}: ${describeIssue(issue)}`);
      return;
    }
    nodes.push({ ...n, params: params.data } as DesignNode);
  });
  const edgeIds = new Set<string>();
  file.edges.forEach((e, i) => {
    const at = (): string => itemAt('edge', i, e);
    if (edgeIds.has(e.id)) errors.push(`${at()}: the id is used twice`);
    edgeIds.add(e.id);
    if (!ids.has(e.from.node))
      errors.push(`${at()}: comes from node ${quote(e.from.node)}, which does not exist`);
    if (!ids.has(e.to.node)) errors.push(`${at()}: goes to node ${quote(e.to.node)}, which does not exist`);
  });
  for (const key of Object.keys(file.weights?.layers ?? {})) {
    const owner = key.split('/', 1)[0] ?? '';
    if (!ids.has(owner))
      errors.push(`weights, layer "${key}": belongs to node "${owner}", which does not exist`);
  }
  if (errors.length > 0) return { ok: false, errors };
  // A survival override outlives a deleted node harmlessly: keep those of nodes that exist.
  const sd = file.stochasticDepth;
  const stochasticDepth =
    sd?.survival === undefined
      ? sd
      : { ...sd, survival: Object.fromEntries(Object.entries(sd.survival).filter(([id]) => ids.has(id))) };
  const design: Design = {
    name: file.name,
    nodes,
    edges: file.edges,
    ...(file.weights === undefined ? {} : { weights: file.weights }),
    ...(stochasticDepth === undefined ? {} : { stochasticDepth }),
    ...(file.nested === undefined ? {} : { nested: file.nested }),
  };
  if (file.results === undefined) return { ok: true, design };
  // Results saved by earlier builds recorded another hash of the design they trained: made current.
  const results = file.results.map((r) => ({ ...r, designHash: currentTrainedHash(r.designHash, design) }));
  return { ok: true, design: { ...design, results } };
}

/** The first reason a design (built in memory, as by import) would fail loadDesign, if any. */
export function checkDesign(design: Design): string | undefined {
  if (surelyLoads(design)) return undefined;
  const r = loadDesign({ format: FORMAT, version: CURRENT_VERSION, ...design });
  return r.ok ? undefined : r.errors[0];
}

/** "line 3, column 7" of a position in a text (JSON.parse names the position, not the line). */
function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `line ${line}, column ${position - before.lastIndexOf('\n')}`;
}

/** Parses JSON text, then validates it. Never throws. */
export function parseDesign(text: string): LoadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // The engine's wording varies and echoes the text; say where instead, in our own words.
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '')?.[1];
    const where =
      at === undefined
        ? text.trim() === ''
          ? 'the text is empty'
          : 'it ends too soon or holds something JSON does not allow'
        : lineColumn(text, Number(at));
    return { ok: false, errors: [`document: not valid JSON (${where})`] };
  }
  return loadDesign(raw);
}

/** The weights of layers whose node is still in the design (an edit drops the others). */
function ownedWeights(design: Design): DesignWeights | undefined {
  const { weights } = design;
  if (weights === undefined) return undefined;
  const ids = new Set(design.nodes.map((n) => n.id));
  const keys = Object.keys(weights.layers);
  const owned = keys.filter((k) => ids.has(k.split('/', 1)[0] ?? ''));
  if (owned.length === keys.length) return weights;
  return {
    source: weights.source,
    layers: Object.fromEntries(owned.map((k) => [k, weights.layers[k] ?? {}])),
  };
}

/** Weights as a document's JSON holds them: base64 of little-endian float32. */
export function weightsAsText(weights: DesignWeights | undefined) {
  if (weights === undefined) return undefined;
  const layers = Object.entries(weights.layers).map(([key, roles]) => [
    key,
    Object.fromEntries(Object.entries(roles).map(([role, values]) => [role, floatsToBase64(values)])),
  ]);
  return {
    source: weights.source,
    layers: Object.fromEntries(layers) as Record<string, Record<string, string>>,
  };
}

/** The saved form: stable key order, current version. */
export function serializeDesign(design: Design): string {
  return JSON.stringify(
    {
      format: FORMAT,
      version: CURRENT_VERSION,
      name: design.name,
      nodes: design.nodes.map((n) => ({
        id: n.id,
        kind: n.kind,
        label: n.label,
        position: n.position,
        params: n.params,
      })),
      edges: design.edges.map((e) => ({ id: e.id, from: e.from, to: e.to })),
      ...(design.weights === undefined ? {} : { weights: weightsAsText(ownedWeights(design)) }),
      ...(design.stochasticDepth === undefined ? {} : { stochasticDepth: design.stochasticDepth }),
      ...(design.nested === undefined ? {} : { nested: design.nested }),
      ...(design.results === undefined ? {} : { results: design.results }),
    },
    null,
    2,
  );
}
