import { z } from 'zod';
import { blockRegistry, type BlockKind } from '../blocks/registry';
import type { Design, DesignNode, DesignWeights } from '../graph/types';
import { opRegistry, type OpKind } from '../layers/registry';
import { migrate } from './migrations';

export const FORMAT = 'compact-studio-design';
export const CURRENT_VERSION = 2;

const portRef = z.object({ node: z.string().min(1), port: z.number().int().min(0) });
const nodeShape = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  label: z.string(),
  position: z.object({ x: z.number(), y: z.number() }),
  params: z.record(z.string(), z.unknown()),
});
const fileShape = z.object({
  format: z.literal(FORMAT),
  version: z.number().int().min(1),
  name: z.string(),
  nodes: z.array(nodeShape),
  edges: z.array(z.object({ id: z.string().min(1), from: portRef, to: portRef })),
  /** Imported weights: source file, and layer key → role → base64 float32 (see DesignWeights). */
  weights: z
    .object({
      source: z.string(),
      layers: z.record(z.string(), z.record(z.string(), z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/))),
    })
    .optional(),
});

export type LoadResult =
  { readonly ok: true; readonly design: Design } | { readonly ok: false; readonly errors: readonly string[] };

/** Turns a zod path into words: nodes[3].params.kernel → "node 4 … field params.kernel". */
function where(path: readonly PropertyKey[], raw: unknown): string {
  const [top, index, ...rest] = path;
  if ((top === 'nodes' || top === 'edges') && typeof index === 'number') {
    const list = (raw as Record<string, unknown[] | undefined>)[top];
    const item = list?.[index] as { id?: unknown; label?: unknown } | undefined;
    const id = typeof item?.id === 'string' ? ` "${item.id}"` : '';
    const label = typeof item?.label === 'string' && item.label !== '' ? ` (${item.label})` : '';
    const field = rest.length > 0 ? `, field ${rest.map(String).join('.')}` : '';
    return `${top === 'nodes' ? 'node' : 'edge'} ${index + 1}${id}${label}${field}`;
  }
  return path.length === 0 ? 'document' : `field ${path.map(String).join('.')}`;
}

/** Validates a parsed JSON value as a design document, migrating older versions. Never throws. */
export function loadDesign(raw: unknown): LoadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, errors: ['document: not a Compact Studio design (expected a JSON object)'] };
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
  const parsed = fileShape.safeParse(migrated.value);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${where(i.path, migrated.value)}: ${i.message}`),
    };
  const file = parsed.data;
  const errors: string[] = [];
  const ids = new Set<string>();
  const nodes: DesignNode[] = [];
  file.nodes.forEach((n, i) => {
    const at = `node ${i + 1} "${n.id}"${n.label !== '' ? ` (${n.label})` : ''}`;
    if (ids.has(n.id)) errors.push(`${at}: the id is used twice`);
    ids.add(n.id);
    const def = Object.hasOwn(opRegistry, n.kind)
      ? opRegistry[n.kind as OpKind]
      : Object.hasOwn(blockRegistry, n.kind)
        ? blockRegistry[n.kind as BlockKind]
        : undefined;
    if (def === undefined) {
      errors.push(`${at}: unknown kind "${n.kind}"`);
      return;
    }
    const params = def.schema.safeParse(n.params);
    if (!params.success) {
      for (const issue of params.error.issues)
        errors.push(`${at}, field ${issue.path.map(String).join('.') || 'params'}: ${issue.message}`);
      return;
    }
    nodes.push({ ...n, params: params.data } as DesignNode);
  });
  const edgeIds = new Set<string>();
  file.edges.forEach((e, i) => {
    const at = `edge ${i + 1} "${e.id}"`;
    if (edgeIds.has(e.id)) errors.push(`${at}: the id is used twice`);
    edgeIds.add(e.id);
    if (!ids.has(e.from.node)) errors.push(`${at}: comes from node "${e.from.node}", which does not exist`);
    if (!ids.has(e.to.node)) errors.push(`${at}: goes to node "${e.to.node}", which does not exist`);
  });
  for (const key of Object.keys(file.weights?.layers ?? {})) {
    const owner = key.split('/', 1)[0] ?? '';
    if (!ids.has(owner))
      errors.push(`weights, layer "${key}": belongs to node "${owner}", which does not exist`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const design: Design = { name: file.name, nodes, edges: file.edges };
  return { ok: true, design: file.weights === undefined ? design : { ...design, weights: file.weights } };
}

/** Parses JSON text, then validates it. Never throws. */
export function parseDesign(text: string): LoadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      errors: [`document: not valid JSON (${e instanceof Error ? e.message : String(e)})`],
    };
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
      ...(design.weights === undefined ? {} : { weights: ownedWeights(design) }),
    },
    null,
    2,
  );
}
