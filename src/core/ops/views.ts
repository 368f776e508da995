import { z } from 'zod';
import { ok } from '../diagnostics';
import { elements } from '../shape';
import { alias, single } from '../onnx/export/emit-common';
import { unary, x0 } from '../onnx/import/pattern-common';
import { attrFloat, attrInt, elementCount } from '../onnx/ir/graph';
import { attrInt as protoInt } from '../onnx/proto';
import { anyTensor, movementCost, movementFormula, one, sameShape } from './op-common';
import { zeroCost, type OpDef } from './op-types';
import { dropoutTorch, flattenTorch, softmaxTorch } from '../torch/ops/views-torch';

const empty = z.object({});
const viewFormula = { figure: 'memoryAccess', symbolic: 'a view: no data moves', substituted: '0' } as const;

export const flatten = {
  kind: 'Flatten',
  family: 'shape',
  title: 'Flatten',
  description: 'Reshapes N×C×H×W to N×(C·H·W); a view, no data moves.',
  schema: empty,
  inputCount: one,
  outputCount: one,
  view: true,
  infer: ({ inputs }) => {
    const x = anyTensor(inputs);
    if (!x.ok) return x;
    return ok([[x.value[0] ?? 1, elements(x.value.slice(1))]]);
  },
  cost: () => zeroCost,
  formulas: () => [viewFormula],
  summary: () => '',
  palette: 'pooling',
  traits: {},
  pytorch: flattenTorch,
  onnx: {
    // A vector is already flat: no node.
    emit: (ctx) =>
      (ctx.layer.inputShapes[0]?.length ?? 0) <= 2
        ? alias(ctx)
        : single('Flatten', () => [protoInt('axis', 1)])(ctx),
    patterns: [
      { onnx: 'Flatten', map: (n, ctx) => attrInt(n, 'axis', 1) === 1 && unary('Flatten')(n, ctx) },
      {
        // Reshape to N×F (torch's x.view(n, -1)).
        onnx: 'Reshape',
        map: (n, ctx) => {
          const x = ctx.shape(x0(n));
          const y = ctx.shape(n.outputs[0]);
          if (x === undefined || y?.length !== 2 || x.length < 2) return false;
          return y[0] === x[0] && y[1] === elementCount(x.slice(1)) && unary('Flatten')(n, ctx);
        },
      },
    ],
  },
  conformance: [{ name: 'a feature map to a vector', params: {} }],
} satisfies OpDef<'Flatten', typeof empty>;

const dropoutSchema = z.object({
  p: z.number().min(0).max(1).default(0.2).meta({ label: 'Drop probability' }),
});
export const dropout = {
  kind: 'Dropout',
  family: 'shape',
  title: 'Dropout',
  description: 'Zeroes a fraction p of activations while training; the identity at inference.',
  schema: dropoutSchema,
  inputCount: one,
  outputCount: one,
  view: true,
  infer: ({ inputs }) => sameShape(inputs),
  cost: () => zeroCost,
  formulas: () => [{ ...viewFormula, symbolic: 'identity at inference' }],
  summary: (p) => `p=${p.p}`,
  palette: 'pooling',
  traits: {},
  pytorch: dropoutTorch,
  onnx: {
    emit: alias,
    patterns: [
      {
        onnx: 'Dropout',
        keepsShape: true,
        map: (n, ctx) => {
          const ratio = ctx.floats(n.inputs[1])?.[0] ?? attrFloat(n, 'ratio', 0.5);
          return unary('Dropout', { p: ratio })(n, ctx);
        },
      },
    ],
  },
  conformance: [
    {
      name: 'on a vector',
      params: { p: 0.2 },
      inputs: [[32]],
      importsAs: { kind: null, why: 'the identity at inference: the export writes no node for it' },
    },
  ],
} satisfies OpDef<'Dropout', typeof dropoutSchema>;

export const softmax = {
  kind: 'Softmax',
  family: 'activation',
  title: 'Softmax',
  description: 'Normalises the class scores (axis 1) into probabilities.',
  schema: empty,
  inputCount: one,
  outputCount: one,
  infer: ({ inputs }) => sameShape(inputs),
  cost: ({ inputs, outputs }) => movementCost(inputs, outputs),
  formulas: ({ inputs, outputs }) => [movementFormula(inputs, outputs)],
  summary: () => '',
  palette: 'pooling',
  traits: {},
  pytorch: softmaxTorch,
  onnx: {
    emit: single('Softmax', () => [protoInt('axis', 1)]),
    patterns: [
      {
        onnx: 'Softmax',
        keepsShape: true,
        // Over the channels: axis 1, or the last axis of a vector; on maps only from opset 13.
        map: (n, ctx) => {
          const rank = ctx.shape(x0(n))?.length ?? 0;
          const axis = attrInt(n, 'axis', ctx.graph.opset >= 13 ? -1 : 1);
          if (!(axis === 1 || (axis === -1 && rank === 2))) return false;
          if (rank !== 2 && (rank !== 4 || ctx.graph.opset < 13)) return false;
          return unary('Softmax')(n, ctx);
        },
      },
    ],
  },
  conformance: [
    { name: 'class scores', params: {}, inputs: [[10]] },
    { name: 'over the channels of a map', params: {} },
  ],
} satisfies OpDef<'Softmax', typeof empty>;
