import { msg } from '../message';
import { z } from 'zod';
import { fail, ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../graph/builder';
import type { Subgraph } from '../graph/subgraph';
import { featureMap, minExpansion, positiveInt } from '../layers/common';
import { convBn } from './conv-bn';
import type { BlockDef } from './types';
import { shiftBlockTorch } from '../torch/blocks/shift-block';

const schema = z.object({
  outChannels: positiveInt.default(64).meta({ label: 'Output channels' }),
  /** Width of the shifted tensor relative to the output, as ShiftResNet's `expansion`. */
  expansion: z.number().min(minExpansion).max(64).default(1),
  stride: z.number().int().min(1).max(2).default(1),
});

/**
 * Conv-shift-conv (Wu et al. 2018, Shift), laid out as the authors' ShiftConv (shiftresnet-cifar):
 * 1×1 to ⌊out·expansion⌋ + BN + ReLU, a 3×3 shift (no params, no multiply-adds), then the 1×1 to out
 * + BN carries the stride; a strided 1×1 after the shift keeps every shifted value reachable without
 * an extra pooling op. The residual is added only when stride 1 and in = out (no projection
 * shortcut), and a ReLU ends the block, after the add, as in the authors' code.
 */
export const shiftBlock = {
  kind: 'ShiftBlock',
  title: 'Shift block',
  description: '1×1 conv, zero-FLOP shift, 1×1 conv (strided when downsampling); residual when shapes allow.',
  paper: { ref: 'Wu et al. 2018, Shift' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const cin = x.value[1] ?? 0;
    const mid = Math.floor(p.outChannels * p.expansion);
    if (mid < 1) return fail('invalidParams', msg('shiftExpansion'), 'expansion');
    const g = new GraphBuilder();
    const expand = convBn(g, [], 'expand1x1', {
      conv: { outChannels: mid, kernel: [1, 1] },
      act: 'ReLU',
    });
    const shifted = g.add('Shift', { kernel: 3 }, [expand.out], 'shift');
    const project = convBn(g, [shifted], 'project1x1', {
      conv: { outChannels: p.outChannels, kernel: [1, 1], stride: [p.stride, p.stride] },
    });
    const inputPorts = [expand.entry];
    let last = project.out;
    if (p.stride === 1 && cin === p.outChannels) {
      last = g.add('Add', {}, [project.out], 'add');
      inputPorts.push({ node: last.node, port: 1 });
    }
    const out = g.add('ReLU', {}, [last], 'relu');
    return ok(g.subgraph([inputPorts], [out]));
  },
  summary: (p) => `${p.outChannels} e${p.expansion}${p.stride > 1 ? ` s${p.stride}` : ''}`,
  widthFields: ['outChannels'],
  // The first 1×1 makes the shifted width: out × expansion.
  recognise: (r) => {
    const [expand] = r.convs;
    if (expand === undefined || r.count('Shift') !== 1) return [];
    return [{ outChannels: r.outChannels, expansion: expand.outChannels / r.outChannels, stride: r.stride }];
  },
  pytorch: shiftBlockTorch,
  conformance: [
    { name: 'residual, expansion 2', params: { outChannels: 16, expansion: 2 } },
    { name: 'strided', params: { outChannels: 32, stride: 2 } },
  ],
} satisfies BlockDef<'ShiftBlock', typeof schema>;

export type ShiftBlockParams = z.infer<typeof schema>;
