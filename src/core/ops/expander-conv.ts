import { msg } from '../message';
import { z } from 'zod';
import { fail, ok } from '../diagnostics';
import { emitExpanderConv } from '../onnx/export/emit-expander';
import { mapGather } from '../onnx/import/map-expander';
import { elements, windowOutput } from '../shape';
import { expanderConvTorch } from '../torch/ops/expander-conv-torch';
import { featureMap, fmt, nonNegativeInt, one, pair, positiveInt } from './op-common';
import type { CostContext, OpCost, OpDef } from './op-types';

const schema = z.object({
  outChannels: positiveInt.default(64),
  kernel: pair(1).default([3, 3]),
  stride: pair(1).default([1, 1]),
  padding: z.tuple([nonNegativeInt, nonNegativeInt]).readonly().default([1, 1]),
  /** D: the input channels each output channel reads. */
  fanIn: positiveInt
    .default(4)
    .meta({ label: 'Fan-in D', help: 'Input channels each output channel reads.' }),
  /** Seed of the random expander graph (each output's D inputs drawn uniformly), stored in the design. */
  seed: nonNegativeInt
    .default(0)
    .meta({ help: 'Seed of the random expander graph: the same seed, the same graph.' }),
  bias: z.boolean().default(false),
  /**
   * The graph written out (output o reads entries o·D … o·D + D − 1), as an imported file gives it;
   * when absent the seed builds it.
   */
  connections: z
    .array(nonNegativeInt)
    .readonly()
    .optional()
    .meta({ help: 'The graph itself, as an imported file gives it (empty: built from the seed).' }),
});
export type ExpanderConvParams = z.infer<typeof schema>;

function cost({ params: p, inputs, outputs }: CostContext<ExpanderConvParams>): OpCost {
  const out = outputs[0] ?? [];
  const weights = p.outChannels * p.fanIn * p.kernel[0] * p.kernel[1];
  const bias = p.bias ? p.outChannels : 0;
  // The convention of every conv (docs/costs.md): input + output + weights (+ bias). The X-Conv
  // reads its input in place through the graph's indices, as a group conv reads its groups.
  const io = elements(inputs[0] ?? []) + elements(out);
  return {
    params: weights + bias,
    buffers: 0,
    multiplyAdds: weights * (out[2] ?? 0) * (out[3] ?? 0),
    memoryAccess: io + weights + bias,
    memoryAccessConvFc: io + weights,
  };
}

/**
 * The im2col buffer of a GEMM-lowered X-Conv: each output channel is a group of its own D inputs
 * (the export's Conv with group = Cout), lowered one after another into the same buffer, so it
 * holds one group's D·kh·kw rows × H'·W' columns. A 1×1, stride-1, unpadded one is a GEMM: 0.
 */
function workspace({ params: p, outputs }: CostContext<ExpanderConvParams>): number {
  const gemm =
    p.kernel.every((k) => k === 1) && p.stride.every((v) => v === 1) && p.padding.every((v) => v === 0);
  if (gemm) return 0;
  const out = outputs[0] ?? [];
  return p.fanIn * p.kernel[0] * p.kernel[1] * (out[2] ?? 0) * (out[3] ?? 0);
}

/**
 * A conv whose connectivity between channels is an expander graph (Prabhu et al. 2018, Deep
 * expander networks, survey ref. 140): output channel o reads only D input channels, picked by a
 * seeded random expander graph (each output's D inputs drawn uniformly, as the authors' code does). Dense is D = Cin; a group conv is the block-diagonal
 * graph with the same fan-in D = Cin/g. Exported as Gather (the Cout·D channels, in graph order)
 * then a Conv with group = Cout, so the file's params and multiply-adds equal these.
 */
export const expanderConv2d: OpDef<'ExpanderConv2d', typeof schema> = {
  kind: 'ExpanderConv2d',
  family: 'convolution',
  title: 'Expander conv',
  description: 'Conv where each output channel reads D inputs drawn at random from a seed (X-Conv).',
  schema,
  inputCount: one,
  outputCount: one,
  infer({ params: p, inputs }) {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const [n = 1, c = 0, h = 0, w = 0] = x.value;
    if (p.fanIn > c)
      return fail('invalidParams', msg('expanderFanIn', { fanIn: p.fanIn, channels: c }), 'fanIn');
    const given = p.connections;
    if (given !== undefined) {
      if (given.length !== p.outChannels * p.fanIn)
        return fail(
          'invalidParams',
          msg('expanderCount', {
            given: given.length,
            out: p.outChannels,
            fanIn: p.fanIn,
            need: p.outChannels * p.fanIn,
          }),
          'connections',
        );
      const bad = given.find((i) => i >= c);
      if (bad !== undefined)
        return fail('invalidParams', msg('expanderChannel', { channel: bad, channels: c }), 'connections');
    }
    const oh = windowOutput(h, p.kernel[0], p.stride[0], p.padding[0], p.padding[0]);
    const ow = windowOutput(w, p.kernel[1], p.stride[1], p.padding[1], p.padding[1]);
    if (oh < 1 || ow < 1)
      return fail(
        'spatialCollapse',
        msg('kernelTooBigNoPad', { kernel: `${p.kernel[0]}×${p.kernel[1]}`, input: `${h}×${w}` }),
        'kernel',
      );
    return ok([[n, p.outChannels, oh, ow]]);
  },
  cost,
  workspace,
  formulas(ctx) {
    const { params: p, inputs, outputs } = ctx;
    const [, , oh = 0, ow = 0] = outputs[0] ?? [];
    const c = cost(ctx);
    const k = `${p.kernel[0]}·${p.kernel[1]}`;
    const bias = p.bias ? ` + ${p.outChannels}` : '';
    return [
      {
        figure: 'params',
        symbolic: `Cout·D·kh·kw${p.bias ? ' + Cout' : ''}`,
        substituted: `${p.outChannels}·${p.fanIn}·${k}${bias} = ${fmt(c.params)}`,
      },
      {
        figure: 'multiplyAdds',
        symbolic: "Cout·D·kh·kw·H'·W'",
        substituted: `${p.outChannels}·${p.fanIn}·${k}·${oh}·${ow} = ${fmt(c.multiplyAdds)}`,
      },
      {
        figure: 'memoryAccessConvFc',
        symbolic: 'input + output + weights',
        substituted: `${fmt(elements(inputs[0] ?? []))} + ${fmt(elements(outputs[0] ?? []))} + ${fmt(c.params - (p.bias ? p.outChannels : 0))} = ${fmt(c.memoryAccessConvFc)}`,
      },
      {
        figure: 'memoryAccess',
        symbolic: 'input + output + weights + bias',
        substituted: `${fmt(c.memoryAccessConvFc)}${bias} = ${fmt(c.memoryAccess)}`,
      },
      {
        figure: 'workspace',
        symbolic: "im2col buffer of one output's group, D·kh·kw × H'·W' (0 for a direct conv)",
        substituted: `${p.fanIn}·${k} × ${oh}·${ow} = ${fmt(workspace(ctx))}`,
      },
    ];
  },
  summary(p) {
    const parts = [`${p.outChannels}`, `${p.kernel[0]}×${p.kernel[1]}`, `D=${p.fanIn}`];
    if (p.stride[0] !== 1 || p.stride[1] !== 1) parts.push(`s${p.stride[0]}`);
    return parts.join(' ');
  },
  palette: 'conv',
  traits: { widthFields: ['outChannels'] },
  onnx: { emit: emitExpanderConv, patterns: [{ onnx: 'Gather', map: mapGather }] },
  pytorch: expanderConvTorch,
  conformance: [
    { name: '3×3, D = 4, seed 7', params: { outChannels: 24, fanIn: 4, seed: 7 } },
    {
      name: '1×1 with bias, stride 2, D = 3',
      params: { outChannels: 8, kernel: [1, 1], padding: [0, 0], stride: [2, 2], fanIn: 3, bias: true },
    },
  ],
};
