import { x0 } from '../onnx/import/pattern-common';
import { activation } from './elementwise';
import { siluTorch } from '../torch/ops/silu-torch';

/**
 * SiLU (swish with β = 1): x·σ(x) (Elfwing et al. 2018; Ramachandran et al. 2017), the
 * activation of EfficientNet and MobileNetV3's smooth ancestor. ONNX has no SiLU op at the opsets
 * we write, so it goes out as PyTorch exports it, Sigmoid then Mul, and comes back from that pair.
 * Cost as every activation: read the input once, write the output once.
 */
export const silu = activation(
  'SiLU',
  'SiLU (swish)',
  'x·sigmoid(x), the smooth activation of EfficientNet.',
  'silu',
  {
    emit: (ctx) => {
      const gate = ctx.w.unique(`${ctx.layer.name}/gate`);
      ctx.w.node('Sigmoid', `${ctx.layer.name}/sigmoid`, ctx.inputs, [gate]);
      ctx.w.node('Mul', ctx.layer.name, [ctx.inputs[0] ?? '', gate], ctx.outputs);
      return ctx.outputs;
    },
    patterns: [
      {
        // Sigmoid(x) · x in either operand order; before Sigmoid's own one-node pattern.
        onnx: 'Sigmoid',
        priority: 1,
        map: (n, ctx) => {
          const out = n.outputs[0] ?? '';
          const mul = ctx.soleReader(out);
          const x = ctx.resolve(x0(n));
          if (
            mul?.opType !== 'Mul' ||
            !mul.inputs.includes(out) ||
            !mul.inputs.map((t) => ctx.resolve(t)).includes(x)
          )
            return false;
          ctx.absorbed.add(mul);
          ctx.add(n, {
            kind: 'SiLU',
            params: {},
            inputs: [x],
            outputs: mul.outputs,
            weights: {},
            label: ctx.groupLabel([n, mul], 'SiLU'),
          });
          return true;
        },
      },
    ],
  },
  siluTorch,
  [
    { name: 'on a feature map', params: {} },
    { name: 'on a vector', params: {}, inputs: [[32]] },
  ],
);
