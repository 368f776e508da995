import { elements } from '../shape';
import { liveDuring } from './activations';
import type { Analysis, LayerInfo } from './analysis-types';

/** How a conv is computed: im2col then one GEMM (a buffer), or directly (no buffer). */
export type Lowering = 'im2col' | 'direct';

export interface LoweringView {
  /** The layers that need an im2col buffer when lowered to a GEMM, with its size. */
  readonly convs: readonly { readonly layer: LayerInfo; readonly workspace: number }[];
  /** The largest single buffer (buffers are freed after their conv, so they never add up). */
  readonly maxWorkspace: number;
  /** Peak memory (activations + buffer) under each lowering, and the layer where it occurs. */
  readonly peak: Readonly<Record<Lowering, { readonly elements: number; readonly layer: number }>>;
}

/** Elements of each tensor id, read off the layers that write them (views share their input's). */
function tensorSizes(layers: readonly LayerInfo[]): number[] {
  const sizes = new Map<number, number>();
  let count = 0;
  for (const l of layers)
    l.outputTensors.forEach((t, i) => {
      if (!sizes.has(t)) sizes.set(t, elements(l.outputShapes[i] ?? []));
      count = Math.max(count, t + 1);
    });
  return Array.from({ length: count }, (_, t) => sizes.get(t) ?? 0);
}

/**
 * Zhang et al. 2018 (zero-memory-overhead direct convolution): lowered to im2col + GEMM, each conv
 * fills a buffer of (Cin/g)·kh·kw × H'W' elements while its input and output are alive; computed
 * directly it needs none. Peak memory under each lowering is the most that is alive at once.
 */
export function loweringView(analysis: Analysis): LoweringView {
  const layers = analysis.layers;
  const during = liveDuring(layers, tensorSizes(layers));
  const direct = { elements: 0, layer: -1 };
  const im2col = { elements: 0, layer: -1 };
  let maxWorkspace = 0;
  layers.forEach((l, i) => {
    const live = during[i] ?? 0;
    if (live > direct.elements) Object.assign(direct, { elements: live, layer: l.index });
    if (live + l.workspace > im2col.elements)
      Object.assign(im2col, { elements: live + l.workspace, layer: l.index });
    maxWorkspace = Math.max(maxWorkspace, l.workspace);
  });
  return {
    convs: layers.filter((l) => l.workspace > 0).map((layer) => ({ layer, workspace: layer.workspace })),
    maxWorkspace,
    peak: { im2col, direct },
  };
}
