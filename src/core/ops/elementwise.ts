import { z } from 'zod';
import { single } from '../onnx/export/emit-common';
import type { EmitContext } from '../onnx/export/export-context';
import { attrFloat as irFloat } from '../onnx/ir/graph';
import { attrFloat } from '../onnx/proto';
import { clipBounds, near, unary, x0 } from '../onnx/import/pattern-common';
import { movementCost, movementFormula, one, sameShape } from './op-common';
import {
  hardSigmoidTorch,
  hardSwishTorch,
  relu6Torch,
  reluTorch,
  sigmoidTorch,
} from '../torch/ops/elementwise-torch';
import type { ImportPattern, OpDef, TorchForm } from './op-types';

const empty = z.object({});

/**
 * Activations: one read and one write per element, no weights, no multiply-adds; element-wise
 * (ShuffleNetV2's G4) and fused into the conv before them by a deploy build.
 */
export function activation<K extends string>(
  kind: K,
  title: string,
  description: string,
  suffix: string,
  onnx: {
    readonly emit: (ctx: EmitContext) => readonly string[];
    readonly patterns: readonly ImportPattern[];
  },
  pytorch: TorchForm<object>,
  conformance: OpDef<K, typeof empty>['conformance'] = [{ name: 'on a feature map', params: {} }],
) {
  return {
    kind,
    family: 'activation',
    title,
    description,
    schema: empty,
    inputCount: one,
    outputCount: one,
    infer: ({ inputs }) => sameShape(inputs),
    cost: ({ inputs, outputs }) => movementCost(inputs, outputs),
    formulas: ({ inputs, outputs }) => [movementFormula(inputs, outputs)],
    summary: () => '',
    palette: 'normact',
    traits: { activation: suffix, elementwise: true, deploy: 'fuse' },
    onnx,
    pytorch,
    conformance,
  } satisfies OpDef<K, typeof empty>;
}

/** Clip(0, hi) as ReLU (hi = ∞) or ReLU6 (hi = 6). */
const clipPattern = (kind: 'ReLU' | 'ReLU6', hi: number): ImportPattern => ({
  onnx: 'Clip',
  keepsShape: true,
  map: (n, ctx) => {
    const [l, h] = clipBounds(n, ctx);
    return l === 0 && h === hi && unary(kind)(n, ctx);
  },
});

export const relu = activation(
  'ReLU',
  'ReLU',
  'max(0, x).',
  'relu',
  {
    emit: single('Relu'),
    patterns: [{ onnx: 'Relu', keepsShape: true, map: unary('ReLU') }, clipPattern('ReLU', Infinity)],
  },
  reluTorch,
);

export const relu6 = activation(
  'ReLU6',
  'ReLU6',
  'min(max(0, x), 6), the MobileNet activation.',
  'relu6',
  {
    emit: (ctx) => {
      const { w } = ctx;
      w.node('Clip', ctx.layer.name, [ctx.inputs[0] ?? '', w.scalar(0), w.scalar(6)], ctx.outputs);
      return ctx.outputs;
    },
    patterns: [clipPattern('ReLU6', 6)],
  },
  relu6Torch,
);

/** ONNX HardSigmoid with PyTorch's constants: ReLU6(x + 3)/6 = clip(x/6 + 1/2, 0, 1). */
const hardSigmoidAttrs = () => [attrFloat('alpha', 1 / 6), attrFloat('beta', 0.5)];
const isTorchHardSigmoid = (n: Parameters<ImportPattern['map']>[0]): boolean =>
  near(irFloat(n, 'alpha', 0.2), 1 / 6) && near(irFloat(n, 'beta', 0.5), 0.5);

export const hardSwish = activation(
  'HardSwish',
  'Hard-swish',
  'x·ReLU6(x + 3)/6, MobileNetV3’s cheap swish.',
  'hswish',
  {
    // HardSwish is an ONNX op from opset 14; before, HardSigmoid times the input.
    emit: (ctx) => {
      if (ctx.opset >= 14) return single('HardSwish')(ctx);
      const gate = ctx.w.unique(`${ctx.layer.name}/gate`);
      ctx.w.node('HardSigmoid', `${ctx.layer.name}/hardsigmoid`, ctx.inputs, [gate], hardSigmoidAttrs());
      ctx.w.node('Mul', ctx.layer.name, [ctx.inputs[0] ?? '', gate], ctx.outputs);
      return ctx.outputs;
    },
    patterns: [
      { onnx: 'HardSwish', keepsShape: true, map: unary('HardSwish') },
      {
        // HardSigmoid(x) · x, in either operand order.
        onnx: 'HardSigmoid',
        priority: 1,
        map: (n, ctx) => {
          if (!isTorchHardSigmoid(n)) return false;
          const out = n.outputs[0] ?? '';
          const mul = ctx.soleReader(out);
          const x = ctx.resolve(x0(n));
          if (
            mul?.opType !== 'Mul' ||
            !mul.inputs.map((t) => ctx.resolve(t)).includes(x) ||
            !mul.inputs.includes(out)
          )
            return false;
          ctx.absorbed.add(mul);
          ctx.add(n, {
            kind: 'HardSwish',
            params: {},
            inputs: [x],
            outputs: mul.outputs,
            weights: {},
            label: ctx.groupLabel([n, mul], 'HardSwish'),
          });
          return true;
        },
      },
    ],
  },
  hardSwishTorch,
);

export const hardSigmoid = activation(
  'HardSigmoid',
  'Hard-sigmoid',
  'ReLU6(x + 3)/6, MobileNetV3’s cheap sigmoid.',
  'hsigmoid',
  {
    emit: single('HardSigmoid', hardSigmoidAttrs),
    patterns: [
      {
        onnx: 'HardSigmoid',
        keepsShape: true,
        map: (n, ctx) => isTorchHardSigmoid(n) && unary('HardSigmoid')(n, ctx),
      },
    ],
  },
  hardSigmoidTorch,
);

export const sigmoid = activation(
  'Sigmoid',
  'Sigmoid',
  '1/(1 + e^−x).',
  'sigmoid',
  {
    emit: single('Sigmoid'),
    patterns: [{ onnx: 'Sigmoid', keepsShape: true, map: unary('Sigmoid') }],
  },
  sigmoidTorch,
);
