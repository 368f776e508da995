import { msg } from '../message';
import { z } from 'zod';
import { fail, ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { Subgraph } from '../design/subgraph';
import { featureMap, minExpansion, positiveInt } from '../ops/op-common';
import { convBn } from './conv-bn';
import type { BlockDef } from './block-types';
import { shiftBlockTorch } from '../torch/blocks/shift-block-torch';

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
 * an extra pooling op. The input is added back: as it is when stride 1 and in = out, else through
 * the authors' projection shortcut (1×1 conv with the stride + BN, their ShiftConv's `shortcut`);
 * a ReLU ends the block, after the add, as in the authors' code.
 */
export const shiftBlock: BlockDef<'ShiftBlock', typeof schema> = {
  kind: 'ShiftBlock',
  title: 'Shift block',
  description:
    '1×1 conv, zero-FLOP shift, 1×1 conv (strided when downsampling); residual, projected by a 1×1 conv when the shape changes.',
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
    const add = g.add('Add', {}, [project.out], 'add');
    if (p.stride === 1 && cin === p.outChannels) inputPorts.push({ node: add.node, port: 1 });
    else {
      const shortcut = convBn(g, [], 'shortcut1x1', {
        conv: { outChannels: p.outChannels, kernel: [1, 1], stride: [p.stride, p.stride] },
      });
      g.connect(shortcut.out, { node: add.node, port: 1 });
      inputPorts.push(shortcut.entry);
    }
    const out = g.add('ReLU', {}, [add], 'relu');
    return ok(g.subgraph([inputPorts], [out]));
  },
  summary: (p) => `${p.outChannels} e${p.expansion}${p.stride > 1 ? ` s${p.stride}` : ''}`,
  widthFields: ['outChannels'],
  // The expanding 1×1 makes the shifted width, out × expansion; with a projection shortcut beside
  // it the order of the two is not known, so each conv's width is a guess the matcher checks.
  recognise: (r) => {
    if (r.convs.length < 2 || r.convs.length > 3 || r.count('Shift') !== 1) return [];
    const widths = [...new Set(r.convs.map((c) => c.outChannels))];
    return widths.map((w) => ({
      outChannels: r.outChannels,
      expansion: w / r.outChannels,
      stride: r.stride,
    }));
  },
  pytorch: shiftBlockTorch,
  conformance: [
    { name: 'residual, expansion 2', params: { outChannels: 16, expansion: 2 } },
    { name: 'strided (projection shortcut)', params: { outChannels: 32, stride: 2 } },
    { name: 'widening, expansion 3 (projection shortcut)', params: { outChannels: 24, expansion: 3 } },
  ],
};

export type ShiftBlockParams = z.infer<typeof schema>;
