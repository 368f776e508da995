import type { Analysis } from '../../core/analysis/types';

/** The design-wide figures the panel shows, each with its definition as docs/costs.md states it. */
export type TotalFigure =
  'params' | 'multiplyAdds' | 'memoryAccessConvFc' | 'memoryAccess' | 'activationSum' | 'activationPeak';

export interface FigureDef {
  readonly label: string;
  /** The convention in a few words, shown under the figure. */
  readonly convention: string;
  readonly definition: string;
  readonly formula: string;
}

export const figureDefs: Readonly<Record<TotalFigure, FigureDef>> = {
  params: {
    label: 'Params',
    convention: 'trainable, as PyTorch counts',
    definition:
      'Trainable parameters as PyTorch’s model.parameters() counts them: conv and linear weights and biases, batch-norm γ and β. Batch-norm running mean and variance are buffers, reported apart.',
    formula: 'conv: Cout·(Cin/g)·kh·kw (+ Cout bias) · linear: in·out (+ out) · batch norm: 2C',
  },
  multiplyAdds: {
    label: 'Multiply-adds',
    convention: 'conv and linear only',
    definition:
      'Multiply-adds of conv and linear layers only; bias adds, batch norm, activations, pooling, adds and data movement count 0. The MobileNet papers call this Mult-Adds, the ShuffleNet papers FLOPs.',
    formula: "conv: Cout·H'·W'·(Cin/g)·kh·kw · linear: in·out",
  },
  memoryAccessConvFc: {
    label: 'Memory access (conv/FC)',
    convention: 'ShuffleNetV2 MAC',
    definition:
      'ShuffleNetV2’s MAC (Ma et al. 2018): for each conv and linear layer, input + output + weight elements; bias and padding ignored.',
    formula: 'Σ conv/FC (input + output + weights); a 1×1 conv with g groups: hw(c1+c2) + c1·c2/g',
  },
  memoryAccess: {
    label: 'Memory access (all ops)',
    convention: 'reads + writes of every op',
    definition:
      'Reads + writes (+ weights) of every op that moves data. Conv and linear: input + output + weights + bias. Add, concat, shuffle, activations, pooling: inputs + outputs. Batch norm: input + output + 2C. Channel split: 2 × input. Flatten and dropout are views: 0.',
    formula: 'Σ over ops (elements read + elements written + weights)',
  },
  activationSum: {
    label: 'Activations (sum)',
    convention: 'every tensor written',
    definition: 'The sum of every output tensor written when the design runs (views are not new tensors).',
    formula: 'Σ over tensors N·C·H·W',
  },
  activationPeak: {
    label: 'Activations (peak)',
    convention: 'live tensors, in run order',
    definition:
      'The most elements alive at once when the layers run in topological order: a tensor lives from the layer that writes it until its last reader has run; a network output lives to the end.',
    formula: 'max over layers Σ live tensors',
  },
};

export const totalFigures: readonly TotalFigure[] = [
  'params',
  'multiplyAdds',
  'memoryAccessConvFc',
  'memoryAccess',
  'activationSum',
  'activationPeak',
];

export function totalValue(a: Analysis, f: TotalFigure): number {
  switch (f) {
    case 'activationSum':
      return a.activations.sum;
    case 'activationPeak':
      return a.activations.peak;
    default:
      return a.totals[f];
  }
}

/** Counts are in elements, batch 1: every figure says so. */
export const CONVENTION = 'batch 1 · elements';

export const FLOPS_NOTE = 'FLOPs = 2 × multiply-adds (one multiply and one add each)';

/** Bytes per weight for each storage precision. */
export const precisions = [
  { id: 'fp32', bytes: 4 },
  { id: 'fp16', bytes: 2 },
  { id: 'int8', bytes: 1 },
] as const;

export const MODEL_SIZE_DEFINITION =
  'Model size = params × bytes per weight (fp32: 4, fp16: 2, int8: 1), in MiB (2²⁰ bytes), as the SqueezeNet paper reports it. Batch-norm buffers are left out: they fold into the conv at deployment.';
