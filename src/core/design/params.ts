import type { z } from 'zod';
import { kindDef, type KindDef } from '../kind-table';

export { kindDef, type KindDef };

export const schemaOf = (def: KindDef): z.ZodType<object> => ('op' in def ? def.op.schema : def.block.schema);

type Parsed = z.ZodSafeParseResult<object>;

// Documents are immutable: the same params object always parses the same way, so after an edit
// only the touched node is validated again.
const cache = new WeakMap<object, { readonly kind: string; readonly parsed: Parsed }>();

/** Validates params against the kind's schema (defaults filled in), memoised per params object. */
export function parseParams(def: KindDef, kind: string, params: object): Parsed {
  const hit = cache.get(params);
  if (hit?.kind === kind) return hit.parsed;
  const parsed = schemaOf(def).safeParse(params);
  cache.set(params, { kind, parsed });
  return parsed;
}

/** A node resolved against the registry: its definition, parsed params and port counts. */
export interface ResolvedNode {
  readonly def: KindDef | undefined;
  readonly parsed: Parsed | undefined;
  readonly inputCount: number;
  readonly outputCount: number;
}

export function resolveNode(node: { readonly kind: string; readonly params: object }): ResolvedNode {
  const def = kindDef(node.kind);
  if (def === undefined) return { def, parsed: undefined, inputCount: 0, outputCount: 0 };
  const parsed = parseParams(def, node.kind, node.params);
  // Counts follow the params when they are valid, else the defaults: a half-edited node keeps its ports.
  const params = parsed.success ? parsed.data : schemaOf(def).parse({});
  const counts = 'op' in def ? def.op : def.block;
  return { def, parsed, inputCount: counts.inputCount(params), outputCount: counts.outputCount(params) };
}
