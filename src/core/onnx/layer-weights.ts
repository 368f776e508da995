import type { LayerInfo } from '../analysis/analysis-types';
import type { Design } from '../design/design-types';
import type { OpParams } from '../kind-types';
import { primaryShape } from '../ops/versatile-structure';
import { lookupWeight } from './export/lookup-weight';
import { sparsifyWeight } from './export/sparse-weight';
import { filled, heUniform } from './init';
import { resolveGroups } from '../ops/flgc-groups';

/**
 * Every weight a layer has and where its values come from, the one place both exports (ONNX and
 * PyTorch) and the drop rule (weights.ts) ask, so the two files carry the same values and a kept
 * import always fits what the exports need.
 */

/** How a weight is filled when the design carries no imported values for it. */
export type Init =
  { readonly kind: 'he'; readonly fanIn: number } | { readonly kind: 'fill'; readonly value: number };

/** One weight of a layer, named by its PyTorch role ("weight", "bias", "running_mean", ...). */
export interface WeightSpec {
  readonly role: string;
  /** PyTorch's layout, which ONNX's Conv, Gemm (transB) and BatchNormalization share. */
  readonly dims: readonly number[];
  readonly init: Init;
  /** The share of non-zeros a sparse layer's weight keeps (below 1 only for a sparse layer). */
  readonly density?: number;
  /**
   * An LCNN lookup weight ([Cout, k, kh, kw]): exactly this many non-zeros among the k dictionary
   * channels at every filter position (see lookupWeight).
   */
  readonly lookups?: number;
}

const fill = (value: number): Init => ({ kind: 'fill', value });

/**
 * The weights of one primitive layer: conv and linear weights He-initialised (and sparsified to
 * the layer's density), biases 0, batch norm as the identity (γ 1, β 0, mean 0, variance 1).
 * Layers without weights give none.
 */
export function weightSpecs(layer: LayerInfo): readonly WeightSpec[] {
  const cin = layer.inputShapes[0]?.[1] ?? 0;
  switch (layer.op) {
    case 'Conv2d': {
      const p = layer.params as OpParams<'Conv2d'>;
      const perOut = (cin / p.groups) * p.kernel[0] * p.kernel[1];
      const weight: WeightSpec = {
        role: 'weight',
        dims: [p.outChannels, cin / p.groups, p.kernel[0], p.kernel[1]],
        init: { kind: 'he', fanIn: perOut },
        density: p.density,
      };
      return p.bias ? [weight, { role: 'bias', dims: [p.outChannels], init: fill(0) }] : [weight];
    }
    case 'LookupConv': {
      const p = layer.params as OpParams<'LookupConv'>;
      const k = p.dictionarySize;
      const taps = p.kernel[0] * p.kernel[1];
      const specs: WeightSpec[] = [
        { role: 'dictionary.weight', dims: [k, cin, 1, 1], init: { kind: 'he', fanIn: cin } },
        {
          role: 'lookup.weight',
          dims: [p.outChannels, k, p.kernel[0], p.kernel[1]],
          // The non-zeros a position sums: s coefficients at each of the kh·kw taps.
          init: { kind: 'he', fanIn: p.lookups * taps },
          lookups: p.lookups,
        },
      ];
      return p.bias ? [...specs, { role: 'lookup.bias', dims: [p.outChannels], init: fill(0) }] : specs;
    }
    case 'VersatileConv': {
      // Only the primary filters (P × c × d × d, the paper's) are weights; the export derives the
      // secondaries, each reading ĉ of the c channels.
      const p = layer.params as OpParams<'VersatileConv'>;
      const { primaries, cHat } = primaryShape({ ...p, inChannels: cin });
      const weight: WeightSpec = {
        role: 'weight',
        dims: [primaries, cin, p.kernel, p.kernel],
        init: { kind: 'he', fanIn: cHat * p.kernel * p.kernel },
      };
      return p.bias ? [weight, { role: 'bias', dims: [p.outChannels], init: fill(0) }] : [weight];
    }
    case 'ExpanderConv2d': {
      // Gather then a conv with group = Cout: each output has its own D input maps.
      const p = layer.params as OpParams<'ExpanderConv2d'>;
      const weight: WeightSpec = {
        role: 'weight',
        dims: [p.outChannels, p.fanIn, p.kernel[0], p.kernel[1]],
        init: { kind: 'he', fanIn: p.fanIn * p.kernel[0] * p.kernel[1] },
      };
      return p.bias ? [weight, { role: 'bias', dims: [p.outChannels], init: fill(0) }] : [weight];
    }
    case 'BatchNorm':
      return [
        { role: 'weight', dims: [cin], init: fill(1) },
        { role: 'bias', dims: [cin], init: fill(0) },
        { role: 'running_mean', dims: [cin], init: fill(0) },
        { role: 'running_var', dims: [cin], init: fill(1) },
      ];
    case 'Linear': {
      const p = layer.params as OpParams<'Linear'>;
      const weight: WeightSpec = {
        role: 'weight',
        dims: [p.outFeatures, cin],
        init: { kind: 'he', fanIn: cin },
        density: p.density,
      };
      return p.bias ? [weight, { role: 'bias', dims: [p.outFeatures], init: fill(0) }] : [weight];
    }
    case 'FullyLearnableGroupConv': {
      // One conv per group, as the PyTorch form's `convs.g` holds them: |out_g| × |in_g| × kh × kw.
      const p = layer.params as OpParams<'FullyLearnableGroupConv'>;
      const groups = resolveGroups(p, cin);
      if (!groups.ok) return [];
      const { inSizes, outSizes } = groups.value;
      return inSizes.flatMap((n, g): WeightSpec[] => {
        const out = outSizes[g] ?? 0;
        const weight: WeightSpec = {
          role: `convs.${g}.weight`,
          dims: [out, n, p.kernel[0], p.kernel[1]],
          init: { kind: 'he', fanIn: n * p.kernel[0] * p.kernel[1] },
        };
        return p.bias ? [weight, { role: `convs.${g}.bias`, dims: [out], init: fill(0) }] : [weight];
      });
    }
    default:
      return [];
  }
}

/** The number of values a weight of these dims holds. */
export const valueCount = (dims: readonly number[]): number => dims.reduce((a, b) => a * b, 1);

/** Where an export takes weights from (weightSource builds it from a design). */
export interface WeightSource {
  /** The raw values of one weight of a layer: imported when present and fitting, else seeded init. */
  readonly values: (layer: LayerInfo, role: string, count: number, init: Init) => Float32Array;
  /** True when the design carries stored (imported) values for this weight. */
  readonly stored: (layer: LayerInfo, role: string) => boolean;
  /** The export's seed (He initialisation and sparsity masks are drawn from it). */
  readonly seed: number;
}

/**
 * One weight of a layer by its role, as the file holds it: the source's values, for a sparse
 * layer's weight exactly round(density·size) non-zeros (see sparsifyWeight), and for an LCNN
 * lookup weight exactly s non-zeros per filter position (see lookupWeight). Throws for a role the
 * op lacks, so an emitter cannot ask for a weight this list does not name.
 */
export function layerWeight(source: WeightSource, layer: LayerInfo, role: string): Float32Array {
  const spec = weightSpecs(layer).find((s) => s.role === role);
  if (spec === undefined) throw new Error(`${layer.op} has no weight "${role}"`);
  const raw = source.values(layer, role, valueCount(spec.dims), spec.init);
  if (spec.lookups !== undefined)
    return lookupWeight(
      raw,
      spec.dims,
      spec.lookups,
      !source.stored(layer, role),
      source.seed,
      `${layer.key}.${role}`,
    );
  if (spec.density === undefined || spec.density >= 1) return raw;
  return sparsifyWeight(raw, spec.density, !source.stored(layer, role), source.seed, `${layer.key}.${role}`);
}

/** A design's weight source, and the layers it initialised although the design has imported weights. */
export interface DesignWeightSource extends WeightSource {
  /** Names of layers given fresh initialisation in a design with imported weights. */
  readonly fresh: ReadonlySet<string>;
}

/**
 * Where weights come from: the design's imported values, by the layer's stable key (node id +
 * inner path, so a renamed layer keeps its values), where they fit; else seeded init, each tensor
 * seeded by its layer key and role. A stored tensor of the wrong size is said in `notes`.
 */
export function weightSource(design: Design, seed: number, notes: string[]): DesignWeightSource {
  const fresh = new Set<string>();
  return {
    seed,
    fresh,
    stored: (layer, role) => design.weights?.layers[layer.key]?.[role] !== undefined,
    values: (layer, role, count, init) => {
      const stored = design.weights?.layers[layer.key]?.[role];
      if (stored !== undefined) {
        if (stored.length === count) return stored;
        notes.push(
          `${layer.name}.${role}: the stored weights do not fit (${stored.length} values, ${count} needed); initialised instead`,
        );
      }
      if (design.weights !== undefined) fresh.add(layer.name);
      return init.kind === 'he'
        ? heUniform(seed, `${layer.key}.${role}`, count, init.fanIn)
        : filled(count, init.value);
    },
  };
}

/** The note naming layers with fresh initialisation in a design with imported weights, if any. */
export function freshNote(design: Design, source: DesignWeightSource): string | undefined {
  const { fresh } = source;
  if (design.weights === undefined || fresh.size === 0) return undefined;
  return `${fresh.size} layer${fresh.size === 1 ? '' : 's'} changed or added after the import from ${design.weights.source} hold fresh initialisation (He, seed ${source.seed}), not imported weights: ${[...fresh].join(', ')}`;
}
