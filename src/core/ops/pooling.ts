import { sayIn, msg } from '../message';
import { z } from 'zod';
import { fail, ok } from '../diagnostics';
import { windowOutput } from '../shape';
import type { EmitContext } from '../onnx/export/export-context';
import { single } from '../onnx/export/emit-common';
import type { MapContext } from '../onnx/import/import-context';
import { is4d, pairOf, symmetricPads, unary, x0 } from '../onnx/import/pattern-common';
import { attrInt, attrInts, attrString, type IrNode } from '../onnx/ir/graph';
import { attrInt as protoInt, attrInts as protoInts } from '../onnx/proto';
import { featureMap, movementCost, movementFormula, nonNegativeInt, one, pair } from './op-common';
import { avgPoolTorch, globalAvgPoolTorch, maxPoolTorch } from '../torch/ops/pooling-torch';
import type { ConformanceCase, OpDef, TorchForm } from './op-types';

const windowSchema = z.object({
  kernel: pair(1).default([3, 3]).meta({ unit: 'px' }),
  stride: pair(1).default([2, 2]),
  padding: z.tuple([nonNegativeInt, nonNegativeInt]).readonly().default([1, 1]).meta({ unit: 'px' }),
  ceilMode: z
    .boolean()
    .default(false)
    .meta({ label: 'Ceil mode', help: 'Round the output size up, so a last partial window counts.' }),
});
const avgSchema = windowSchema.extend({
  countIncludePad: z
    .boolean()
    .default(true)
    .meta({ label: 'Count padding', help: 'Divide by the whole window, padding included.' }),
});
type WindowParams = z.infer<typeof windowSchema>;
type AvgParams = z.infer<typeof avgSchema>;

function emitPool(opType: 'MaxPool' | 'AveragePool') {
  return (ctx: EmitContext, p: WindowParams & { countIncludePad?: boolean }): readonly string[] => {
    const attrs = [
      protoInts('kernel_shape', p.kernel),
      protoInts('strides', p.stride),
      protoInts('pads', [p.padding[0], p.padding[1], p.padding[0], p.padding[1]]),
      protoInt('ceil_mode', p.ceilMode ? 1 : 0),
    ];
    if (p.countIncludePad === true) attrs.push(protoInt('count_include_pad', 1));
    ctx.w.node(opType, ctx.layer.name, ctx.inputs, ctx.outputs, attrs);
    return ctx.outputs;
  };
}

function mapPool(kind: 'MaxPool' | 'AvgPool') {
  return (n: IrNode, ctx: MapContext): boolean => {
    const k = attrInts(n, 'kernel_shape');
    if (k?.length !== 2 || !is4d(ctx, x0(n)) || (attrInts(n, 'dilations') ?? [1, 1]).some((d) => d !== 1))
      return false;
    const kernel = pairOf(k, 1);
    const stride = pairOf(attrInts(n, 'strides'), 1);
    const padding = symmetricPads(n, kernel, [1, 1], stride);
    if (padding === undefined || 2 * padding[0] > kernel[0] || 2 * padding[1] > kernel[1]) return false;
    const params: Record<string, unknown> = {
      kernel,
      stride,
      padding,
      ceilMode: attrInt(n, 'ceil_mode', 0) === 1,
    };
    if (kind === 'AvgPool') params['countIncludePad'] = attrInt(n, 'count_include_pad', 0) === 1;
    ctx.add(n, { kind, params, inputs: [x0(n)], outputs: n.outputs.slice(0, 1), weights: {} });
    return true;
  };
}

/**
 * PyTorch (1.13) writes `AvgPool2d(k, s, p)` with padding counted as a zero Pad, then an unpadded AveragePool:
 * one AvgPool with its padding counted. Symmetric spatial padding only, and no ceil mode (where a last
 * window would reach past the padded map, ONNX would leave that part out of the count).
 */
function mapPaddedAvgPool(n: IrNode, ctx: MapContext): boolean {
  const pads = ctx.const(n.inputs[1])?.ints;
  if (pads?.length !== 8 || [0, 1, 4, 5].some((i) => pads[i] !== 0)) return false;
  const padding = [pads[2] ?? 0, pads[3] ?? 0] as const;
  if (padding[0] !== pads[6] || padding[1] !== pads[7]) return false;
  if ((attrString(n, 'mode') ?? 'constant') !== 'constant' || (ctx.floats(n.inputs[2])?.[0] ?? 0) !== 0)
    return false;
  const pool = ctx.soleReader(n.outputs[0] ?? '');
  if (pool?.opType !== 'AveragePool' || !is4d(ctx, x0(n))) return false;
  const k = attrInts(pool, 'kernel_shape');
  if (
    k?.length !== 2 ||
    attrInt(pool, 'ceil_mode', 0) !== 0 ||
    (attrInts(pool, 'pads') ?? [0, 0, 0, 0]).some((v) => v !== 0) ||
    (attrInts(pool, 'dilations') ?? [1, 1]).some((d) => d !== 1)
  )
    return false;
  const kernel = pairOf(k, 1);
  if (2 * padding[0] > kernel[0] || 2 * padding[1] > kernel[1]) return false;
  ctx.absorbed.add(pool);
  ctx.add(n, {
    kind: 'AvgPool',
    params: {
      kernel,
      stride: pairOf(attrInts(pool, 'strides'), 1),
      padding,
      ceilMode: false,
      countIncludePad: true,
    },
    inputs: [x0(n)],
    outputs: pool.outputs.slice(0, 1),
    weights: {},
    label: ctx.groupLabel([n, pool], 'AvgPool'),
  });
  return true;
}

function windowPool<K extends 'MaxPool' | 'AvgPool', S extends typeof windowSchema | typeof avgSchema>(
  kind: K,
  onnxType: 'MaxPool' | 'AveragePool',
  title: string,
  description: string,
  schema: S,
  conformance: readonly ConformanceCase<z.input<S>>[],
  pytorch: TorchForm<z.infer<S>>,
) {
  return {
    kind,
    family: 'pooling',
    title,
    description,
    schema,
    inputCount: one,
    outputCount: one,
    infer: ({ params, inputs }) => {
      const p: WindowParams = params;
      const x = featureMap(inputs);
      if (!x.ok) return x;
      const [n = 1, c = 0, h = 0, w = 0] = x.value;
      if (2 * p.padding[0] > p.kernel[0] || 2 * p.padding[1] > p.kernel[1])
        return fail('invalidParams', msg('poolPadding'), 'padding');
      const oh = windowOutput(h, p.kernel[0], p.stride[0], p.padding[0], p.padding[0], 1, p.ceilMode);
      const ow = windowOutput(w, p.kernel[1], p.stride[1], p.padding[1], p.padding[1], 1, p.ceilMode);
      if (oh < 1 || ow < 1)
        return fail(
          'spatialCollapse',
          msg('windowTooBig', { kernel: p.kernel.join('×'), input: `${h}×${w}` }),
          'kernel',
        );
      return ok([[n, c, oh, ow]]);
    },
    cost: ({ inputs, outputs }) => movementCost(inputs, outputs),
    formulas: ({ inputs, outputs }) => [movementFormula(inputs, outputs)],
    summary: (params, words) => {
      const p: WindowParams = params;
      return `${p.kernel.join('×')} s${p.stride[0]}${p.ceilMode ? ` ${sayIn(words, msg('sumCeil'))}` : ''}`;
    },
    palette: 'pooling',
    traits: {},
    onnx: {
      emit: emitPool(onnxType),
      patterns: [
        { onnx: onnxType, map: mapPool(kind) },
        ...(kind === 'AvgPool' ? [{ onnx: 'Pad', map: mapPaddedAvgPool }] : []),
      ],
    },
    pytorch,
    conformance,
  } satisfies OpDef<K, S>;
}

export const maxPool = windowPool(
  'MaxPool',
  'MaxPool',
  'MaxPool',
  'Maximum over a sliding window.',
  windowSchema,
  [
    { name: '3×3 stride 2', params: {} },
    { name: 'ceil mode on an odd size', params: { ceilMode: true }, inputs: [[8, 9, 9]] },
  ],
  maxPoolTorch,
);
export const avgPool = windowPool(
  'AvgPool',
  'AveragePool',
  'AvgPool',
  'Average over a sliding window.',
  avgSchema,
  [
    { name: '3×3 stride 2, padding counted', params: {} },
    {
      name: 'ceil mode, padding not counted',
      params: { ceilMode: true, countIncludePad: false } satisfies Partial<AvgParams>,
      inputs: [[8, 9, 9]],
    },
    { name: '2×2 without padding', params: { kernel: [2, 2], padding: [0, 0] } },
  ],
  avgPoolTorch,
);

const empty = z.object({});
export const globalAvgPool = {
  kind: 'GlobalAvgPool',
  family: 'pooling',
  title: 'Global average pool',
  description: 'Averages each channel over H×W to 1×1.',
  schema: empty,
  inputCount: one,
  outputCount: one,
  infer: ({ inputs }) => {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const [n = 1, c = 0] = x.value;
    return ok([[n, c, 1, 1]]);
  },
  cost: ({ inputs, outputs }) => movementCost(inputs, outputs),
  formulas: ({ inputs, outputs }) => [movementFormula(inputs, outputs)],
  summary: () => '',
  palette: 'pooling',
  traits: {},
  pytorch: globalAvgPoolTorch,
  onnx: {
    emit: single('GlobalAveragePool'),
    patterns: [
      { onnx: 'GlobalAveragePool', map: (n, ctx) => is4d(ctx, x0(n)) && unary('GlobalAvgPool')(n, ctx) },
      // ReduceMean over H and W (a flatten follows when the dims are dropped).
      {
        onnx: 'ReduceMean',
        map: (n, ctx) => {
          const x = ctx.shape(x0(n));
          const axes = (ctx.const(n.inputs[1])?.ints ?? attrInts(n, 'axes') ?? []).map((a) =>
            a < 0 ? a + 4 : a,
          );
          if (x?.length !== 4 || axes.length !== 2 || !axes.includes(2) || !axes.includes(3)) return false;
          if (attrInt(n, 'keepdims', 1) === 1) return unary('GlobalAvgPool')(n, ctx);
          const pooled = `${n.outputs[0] ?? ''}#pooled`;
          ctx.add(n, { kind: 'GlobalAvgPool', params: {}, inputs: [x0(n)], outputs: [pooled], weights: {} });
          ctx.add(n, {
            kind: 'Flatten',
            params: {},
            inputs: [pooled],
            outputs: n.outputs,
            weights: {},
            label: ctx.label(`${n.name}_flatten`, 'Flatten'),
          });
          return true;
        },
      },
    ],
  },
  conformance: [{ name: 'to 1×1', params: {} }],
} satisfies OpDef<'GlobalAvgPool', typeof empty>;
