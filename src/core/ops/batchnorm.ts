import { z } from 'zod';
import { emitBatchNorm } from '../onnx/export/emit-weighted';
import { is4d, x0 } from '../onnx/import/pattern-common';
import { attrFloat } from '../onnx/ir/graph';
import { elements } from '../shape';
import { featureMap, fmt, minEpsilon, movementCost, one } from './op-common';
import type { OpDef } from './op-types';
import { batchNormTorch } from '../torch/ops/batchnorm-torch';

const schema = z.object({
  epsilon: z
    .number()
    .min(minEpsilon)
    .max(1)
    .default(1e-5)
    .meta({ help: 'Added to the variance before the square root; no effect on the costs.' }),
});

export const batchNorm = {
  kind: 'BatchNorm',
  family: 'normalisation',
  title: 'BatchNorm',
  description:
    'Batch normalisation: scale γ and shift β per channel (running mean and variance are buffers).',
  schema,
  inputCount: one,
  outputCount: one,
  infer: ({ inputs }) => {
    const x = featureMap(inputs);
    return x.ok ? { ok: true, value: [x.value] } : x;
  },
  cost: ({ inputs, outputs }) => {
    const c = inputs[0]?.[1] ?? 0;
    return { ...movementCost(inputs, outputs, 2 * c), params: 2 * c, buffers: 2 * c };
  },
  formulas: ({ inputs, outputs }) => {
    const c = inputs[0]?.[1] ?? 0;
    const i = elements(inputs[0] ?? []);
    const o = elements(outputs[0] ?? []);
    return [
      { figure: 'params', symbolic: '2·C (γ, β)', substituted: `2·${c} = ${fmt(2 * c)}` },
      { figure: 'buffers', symbolic: '2·C (running mean, variance)', substituted: `2·${c} = ${fmt(2 * c)}` },
      {
        figure: 'memoryAccess',
        symbolic: 'input + output + 2·C',
        substituted: `${fmt(i)} + ${fmt(o)} + ${fmt(2 * c)} = ${fmt(i + o + 2 * c)}`,
      },
    ];
  },
  summary: () => '',
  palette: 'normact',
  traits: { elementwise: true, deploy: 'fold' },
  pytorch: batchNormTorch,
  onnx: {
    emit: emitBatchNorm,
    patterns: [
      {
        onnx: 'BatchNormalization',
        keepsShape: true,
        map: (n, ctx) => {
          const [g, b, m, v] = [1, 2, 3, 4].map((i) => ctx.floats(n.inputs[i]));
          if (g === undefined || b === undefined || m === undefined || v === undefined || !is4d(ctx, x0(n)))
            return false;
          ctx.add(n, {
            kind: 'BatchNorm',
            params: { epsilon: Number(attrFloat(n, 'epsilon', 1e-5).toPrecision(7)) },
            inputs: [x0(n)],
            outputs: n.outputs.slice(0, 1),
            weights: { weight: g, bias: b, running_mean: m, running_var: v },
          });
          return true;
        },
      },
    ],
  },
  conformance: [
    { name: 'default epsilon', params: {} },
    { name: 'MobileNetV3 epsilon', params: { epsilon: 1e-3 } },
  ],
} satisfies OpDef<'BatchNorm', typeof schema>;
