import type { LayerInfo } from '../analysis/types';
import type { Design } from '../graph/types';
import type { OpParams } from '../layers/registry';
import { base64ToFloats } from './base64';
import { filled, heUniform } from './init';

/** How a weight is filled when the design carries no imported values for it. */
export type Init =
  { readonly kind: 'he'; readonly fanIn: number } | { readonly kind: 'fill'; readonly value: number };

/** One weight of a layer, named by its PyTorch role ("weight", "bias", "running_mean", ...). */
export interface WeightSpec {
  readonly role: string;
  /** PyTorch's layout, which ONNX's Conv, Gemm (transB) and BatchNormalization share. */
  readonly dims: readonly number[];
  readonly init: Init;
}

const fill = (value: number): Init => ({ kind: 'fill', value });

/**
 * The weights of one primitive layer, the one list both exports (ONNX and PyTorch) use, so the
 * two files carry the same values: conv and linear weights He-initialised, biases 0, batch norm
 * as the identity (γ 1, β 0, mean 0, variance 1). Layers without weights give none.
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
      };
      return p.bias ? [weight, { role: 'bias', dims: [p.outFeatures], init: fill(0) }] : [weight];
    }
    default:
      return [];
  }
}

/** The values of one weight of a layer: imported when present, else seeded init. */
export type WeightValues = (layer: LayerInfo, role: string, count: number, init: Init) => Float32Array;

/** One weight of a layer by its role, as weightSpecs gives it; throws for a role the op lacks. */
export function layerWeight(values: WeightValues, layer: LayerInfo, role: string): Float32Array {
  const spec = weightSpecs(layer).find((s) => s.role === role);
  if (spec === undefined) throw new Error(`${layer.op} has no weight "${role}"`);
  return values(
    layer,
    role,
    spec.dims.reduce((a, b) => a * b, 1),
    spec.init,
  );
}

/**
 * Where weights come from: the design's imported values where they fit, else the seeded init
 * (each tensor seeded by its layer name and role). A stored tensor of the wrong size is said in
 * `notes` and initialised instead.
 */
export function weightSource(design: Design, seed: number, notes: string[]): WeightValues {
  return (layer, role, count, init) => {
    const stored = design.weights?.[layer.name]?.[role];
    if (stored !== undefined) {
      const v = base64ToFloats(stored);
      if (v?.length === count) return v;
      notes.push(
        `${layer.name}.${role}: the stored weights do not fit (${v?.length ?? 'unreadable'} values, ${count} needed); initialised instead`,
      );
    }
    return init.kind === 'he'
      ? heUniform(seed, `${layer.name}.${role}`, count, init.fanIn)
      : filled(count, init.value);
  };
}
