import { sayIn, msg } from '../message';
import { z } from 'zod';
import { fail, ok } from '../diagnostics';
import { formatShape, type Shape } from '../shape';
import { single } from '../onnx/export/emit-common';
import { sameDims as sameTensorDims } from '../onnx/import/pattern-common';
import { attrInt } from '../onnx/ir/graph';
import { attrInt as protoInt } from '../onnx/proto';
import { channelTensor, featureMap, movementCost, movementFormula, one } from './op-common';
import type { OpDef } from './op-types';
import { addTorch, concatTorch, multiplyTorch } from '../torch/ops/merge-torch';

const empty = z.object({});
const sameDims = (a: Shape, b: Shape): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

export const add = {
  kind: 'Add',
  family: 'elementwise',
  title: 'Add',
  description: 'Element-wise sum of two tensors of the same shape (a residual connection).',
  schema: empty,
  inputCount: () => 2,
  outputCount: one,
  infer: ({ inputs }) => {
    const a = inputs[0];
    const b = inputs[1];
    if (a === undefined) return fail('unconnectedInput', msg('inputNotConnected', { n: 1 }), 'input 1');
    if (b === undefined) return fail('unconnectedInput', msg('inputNotConnected', { n: 2 }), 'input 2');
    if (a.length === 4 && b.length === 4 && a[1] !== b[1])
      return fail('channelMismatch', msg('addChannels', { a: a[1] ?? 0, b: b[1] ?? 0 }), 'input 2');
    if (!sameDims(a, b))
      return fail('shapeMismatch', msg('addShapes', { a: formatShape(a), b: formatShape(b) }), 'input 2');
    return ok([a]);
  },
  cost: ({ inputs, outputs }) => movementCost(inputs, outputs),
  formulas: ({ inputs, outputs }) => [movementFormula(inputs, outputs)],
  summary: () => '',
  palette: 'channel',
  traits: { elementwise: true },
  pytorch: addTorch,
  onnx: {
    emit: single('Add'),
    patterns: [
      {
        onnx: 'Add',
        map: (n, ctx) => {
          const [a = '', b = ''] = n.inputs;
          if (ctx.const(a) !== undefined || ctx.const(b) !== undefined) return false;
          if (!sameTensorDims(ctx.shape(a), ctx.shape(b))) return false;
          ctx.add(n, { kind: 'Add', params: {}, inputs: [a, b], outputs: n.outputs, weights: {} });
          return true;
        },
      },
    ],
  },
  conformance: [
    {
      name: 'two maps of one shape',
      params: {},
      inputs: [
        [16, 8, 8],
        [16, 8, 8],
      ],
    },
  ],
} satisfies OpDef<'Add', typeof empty>;

export const multiply = {
  kind: 'Multiply',
  family: 'elementwise',
  title: 'Multiply (channel scale)',
  description: 'Scales each channel of a feature map by a per-channel factor N×C×1×1 (squeeze-excite).',
  schema: empty,
  inputCount: () => 2,
  outputCount: one,
  infer: ({ inputs }) => {
    const x = featureMap(inputs, 0);
    if (!x.ok) return x;
    const s = featureMap(inputs, 1);
    if (!s.ok) return s;
    if (x.value[1] !== s.value[1])
      return fail(
        'channelMismatch',
        msg('scaleChannels', { channels: x.value[1] ?? 0, factors: s.value[1] ?? 0 }),
        'input 2',
      );
    const full = sameDims(x.value, s.value);
    if (!full && (s.value[2] !== 1 || s.value[3] !== 1))
      return fail('shapeMismatch', msg('scaleShape', { shape: formatShape(s.value) }), 'input 2');
    return ok([x.value]);
  },
  cost: ({ inputs, outputs }) => movementCost(inputs, outputs),
  formulas: ({ inputs, outputs }) => [movementFormula(inputs, outputs)],
  summary: () => '',
  palette: 'channel',
  traits: { elementwise: true },
  pytorch: multiplyTorch,
  onnx: {
    emit: single('Mul'),
    patterns: [
      {
        // A feature map times N×C×1×1 (squeeze-excite, either operand order) or a map of its shape.
        onnx: 'Mul',
        map: (n, ctx) => {
          const [a = '', b = ''] = n.inputs;
          if (ctx.const(a) !== undefined || ctx.const(b) !== undefined) return false;
          const sa = ctx.shape(a);
          const sb = ctx.shape(b);
          if (sa?.length !== 4 || sb?.length !== 4 || sa[1] !== sb[1]) return false;
          const scale = (s: readonly number[]): boolean => s[2] === 1 && s[3] === 1;
          let inputs: string[];
          if (sameTensorDims(sa, sb) || scale(sb)) inputs = [a, b];
          else if (scale(sa)) inputs = [b, a];
          else return false;
          ctx.add(n, { kind: 'Multiply', params: {}, inputs, outputs: n.outputs, weights: {} });
          return true;
        },
      },
    ],
  },
  conformance: [
    {
      name: 'a map by per-channel factors',
      params: {},
      inputs: [
        [16, 8, 8],
        [16, 1, 1],
      ],
    },
    {
      name: 'two maps of one shape',
      params: {},
      inputs: [
        [16, 8, 8],
        [16, 8, 8],
      ],
    },
  ],
} satisfies OpDef<'Multiply', typeof empty>;

const concatSchema = z.object({
  inputs: z.number().int().min(2).max(16).default(2).meta({ help: 'How many maps are joined.' }),
});
export const concat = {
  kind: 'Concat',
  family: 'channel',
  title: 'Concat',
  description: 'Joins feature maps along the channel axis; spatial sizes must match.',
  schema: concatSchema,
  inputCount: (p) => p.inputs,
  outputCount: one,
  infer: ({ params, inputs }) => {
    const maps: Shape[] = [];
    for (let i = 0; i < params.inputs; i++) {
      const x = channelTensor(inputs, i);
      if (!x.ok) return x;
      maps.push(x.value);
    }
    const [first] = maps;
    if (first === undefined) return fail('unconnectedInput', msg('inputNotConnected', { n: 1 }), 'input 1');
    const channelsTotal = maps.reduce((a, m) => a + (m[1] ?? 0), 0);
    if (first.length === 2) {
      // Vectors (SplitNet's per-group classifiers) join along their features.
      const odd = maps.findIndex((m) => m.length !== 2);
      if (odd >= 0) return fail('wrongRank', msg('concatMapAfterVector', { n: odd + 1 }), `input ${odd + 1}`);
      return ok([[first[0] ?? 1, channelsTotal]]);
    }
    for (let i = 1; i < maps.length; i++) {
      const m = maps[i] ?? [];
      if (m.length !== 4)
        return fail('wrongRank', msg('concatVectorAfterMap', { n: i + 1 }), `input ${i + 1}`);
      if (m[2] !== first[2] || m[3] !== first[3])
        return fail(
          'concatSpatialMismatch',
          msg('concatSizes', {
            n: i + 1,
            size: `${m[2]}×${m[3]}`,
            first: `${first[2]}×${first[3]}`,
          }),
          `input ${i + 1}`,
        );
    }
    return ok([[first[0] ?? 1, channelsTotal, first[2] ?? 0, first[3] ?? 0]]);
  },
  cost: ({ inputs, outputs }) => movementCost(inputs, outputs),
  formulas: ({ inputs, outputs }) => [movementFormula(inputs, outputs)],
  summary: (p, words) => sayIn(words, msg('sumInputs', { n: p.inputs })),
  palette: 'channel',
  traits: {},
  pytorch: concatTorch,
  onnx: {
    emit: single('Concat', () => [protoInt('axis', 1)]),
    patterns: [
      {
        onnx: 'Concat',
        map: (n, ctx) => {
          const rank = ctx.shape(n.inputs[0])?.length ?? 0;
          const axis = attrInt(n, 'axis', 1);
          // Feature maps, and vectors (SplitNet's per-group classifiers) along their features.
          const channelAxis = axis === 1 || axis === (rank === 2 ? -1 : -3);
          if ((rank !== 4 && rank !== 2) || !channelAxis || n.inputs.length < 2 || n.inputs.length > 16)
            return false;
          if (n.inputs.some((t) => ctx.const(t) !== undefined)) return false;
          ctx.add(n, {
            kind: 'Concat',
            params: { inputs: n.inputs.length },
            inputs: n.inputs,
            outputs: n.outputs,
            weights: {},
          });
          return true;
        },
      },
    ],
  },
  conformance: [
    {
      name: 'two maps of different widths',
      params: { inputs: 2 },
      inputs: [
        [8, 8, 8],
        [16, 8, 8],
      ],
    },
    {
      name: 'three maps',
      params: { inputs: 3 },
      inputs: [
        [4, 6, 6],
        [4, 6, 6],
        [8, 6, 6],
      ],
    },
  ],
} satisfies OpDef<'Concat', typeof concatSchema>;
