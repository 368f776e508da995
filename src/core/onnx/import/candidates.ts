import type { z } from 'zod';
import type { Prim } from './prim';

/** What a region of primitives shows of the block it may be: the numbers its params come from. */
export interface RegionFacts {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly stride: number;
  /** Kernel of the depthwise conv, else the largest conv kernel. */
  readonly kernel: number;
  /** Channels of the depthwise conv (the expanded width), else of the first conv. */
  readonly mid: number;
  readonly convOuts: readonly number[];
  readonly groups: readonly number[];
  readonly activations: ReadonlySet<string>;
  readonly hasPool: boolean;
  /** The epsilons of the region's batch norms. */
  readonly epsilons: readonly number[];
}

export function regionFacts(prims: readonly Prim[], inChannels: number, outChannels: number): RegionFacts {
  const convs = prims
    .filter((p) => p.kind === 'Conv2d')
    .map(
      (p) =>
        p.params as {
          outChannels: number;
          kernel: [number, number];
          stride: [number, number];
          groups: number;
        },
    );
  const dw = convs.find((c) => c.groups > 1 && c.groups === c.outChannels);
  const groups = new Set(convs.map((c) => c.groups).filter((g) => g > 1 && g !== dw?.groups));
  for (const p of prims) if (p.kind === 'ChannelShuffle') groups.add((p.params as { groups: number }).groups);
  return {
    inChannels,
    outChannels,
    stride: Math.max(
      1,
      ...convs.map((c) => c.stride[0]),
      ...prims
        .filter((p) => p.kind === 'AvgPool')
        .map((p) => (p.params as { stride: [number, number] }).stride[0]),
    ),
    kernel: dw?.kernel[0] ?? Math.max(1, ...convs.map((c) => c.kernel[0])),
    mid: dw?.outChannels ?? convs[0]?.outChannels ?? 0,
    convOuts: [...new Set(convs.map((c) => c.outChannels))],
    groups: [...groups],
    activations: new Set(prims.map((p) => p.kind.toLowerCase())),
    hasPool: prims.some((p) => p.kind === 'GlobalAvgPool'),
    epsilons: [
      ...new Set(
        prims
          .filter((p) => p.kind === 'BatchNorm')
          .map((p) => (p.params as { epsilon?: number }).epsilon ?? 1e-5),
      ),
    ],
  };
}

type Field = { readonly type: string; readonly optional: boolean; readonly options: readonly string[] };

function describe(field: z.ZodType): Field {
  let t = field as unknown as { def: { type: string; innerType?: unknown }; options?: readonly string[] };
  let optional = false;
  while (t.def.type === 'default' || t.def.type === 'optional') {
    if (t.def.type === 'optional') optional = true;
    t = t.def.innerType as typeof t;
  }
  return { type: t.def.type, optional, options: t.options ?? [] };
}

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Values worth trying for one param, read off the region by the param's name and type. */
function valuesFor(name: string, f: Field, r: RegionFacts): readonly unknown[] {
  if (f.type === 'boolean') {
    if (name === 'squeezeExcite') return [r.hasPool];
    // Kept, or folded into the conv biases by the exporter (torch's default eval export).
    if (name === 'batchNorm') return [r.activations.has('batchnorm')];
    return [false, true];
  }
  if (f.type === 'enum') {
    const present = f.options.filter((o) => r.activations.has(norm(o)));
    return present.length > 0 ? present : f.options;
  }
  if (f.type !== 'number') return [undefined];
  const numbers = ((): readonly number[] => {
    switch (name) {
      case 'outChannels':
        return [r.outChannels];
      case 'stride':
        return [r.stride];
      case 'kernel':
        return [r.kernel];
      case 'expansion':
        return [r.mid / r.inChannels, r.mid / r.outChannels];
      case 'expandedChannels':
      case 'rank':
      case 'squeeze':
      case 'squeezeChannels':
        return r.convOuts;
      case 'expand1x1':
      case 'expand3x3':
        return r.convOuts;
      case 'bnEpsilon':
        return r.epsilons;
      case 'groups':
      case 'primaryGroups':
      case 'secondaryGroups':
        return r.groups.length > 0 ? r.groups : [1];
      default:
        return [];
    }
  })();
  const unique = [...new Set(numbers.filter((n) => Number.isFinite(n) && n > 0))];
  return f.optional || unique.length === 0 ? [undefined, ...unique] : unique;
}

/** Every combination of candidate values for a block's params, at most `limit`, defaults first. */
export function candidateParams(
  schema: z.ZodType<object>,
  facts: RegionFacts,
  limit = 48,
): Record<string, unknown>[] {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (shape === undefined) return [];
  let combos: Record<string, unknown>[] = [{}];
  for (const [name, field] of Object.entries(shape)) {
    const values = valuesFor(name, describe(field), facts);
    const next: Record<string, unknown>[] = [];
    for (const c of combos) for (const v of values) next.push(v === undefined ? c : { ...c, [name]: v });
    combos = next.slice(0, limit);
  }
  return combos;
}
