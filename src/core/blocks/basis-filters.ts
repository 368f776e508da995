import { msg } from '../message';
import { z } from 'zod';
import { fail, ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { Subgraph } from '../design/subgraph';
import type { PortRef } from '../design/design-types';
import { featureMap, fmt, nonNegativeInt, positiveInt } from '../ops/op-common';
import type { FormulaLine } from '../ops/op-types';
import type { Shape } from '../shape';
import type { BlockDef } from './block-types';
import { basisFiltersTorch } from '../torch/blocks/basis-filters-torch';

const schema = z.object({
  outChannels: positiveInt.default(64).meta({ label: 'Output channels' }),
  kernel: z.number().int().min(3).max(11).default(3).meta({ label: 'Kernel size k', unit: 'px' }),
  horizontal: positiveInt.default(16).meta({ label: '1×k basis filters (m₁)' }),
  vertical: positiveInt.default(16).meta({ label: 'k×1 basis filters (m₂)' }),
  full: nonNegativeInt
    .default(0)
    .meta({ label: 'k×k basis filters (m₃)', help: 'Optional; 0 leaves them out.' }),
  stride: z.number().int().min(1).max(2).default(1),
});
export type BasisFiltersParams = z.infer<typeof schema>;
type Params = BasisFiltersParams;

/**
 * Low-rank basis filters (Ioannou et al. 2016, "Training CNNs with low-rank filters"): a set of
 * small filters of mixed shapes learned from scratch (m₁ of 1×k, m₂ of k×1, optionally m₃ of k×k),
 * applied in parallel, concatenated, and combined by a 1×1 conv into each output filter. Choice
 * stated: as the conv it replaces, the block is linear (no BN or activation inside: add them after
 * it); every basis conv strides by the block's stride and pads to keep the size.
 */
export const basisFilters: BlockDef<'BasisFilters', typeof schema> = {
  kind: 'BasisFilters',
  title: 'Basis filters',
  description: 'Parallel 1×k, k×1 (and optional k×k) basis filters, concatenated, combined by a 1×1 conv.',
  paper: { ref: 'Ioannou et al. 2016', after: ', low-rank basis filters' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p: Params, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    if (p.kernel % 2 === 0)
      return fail('invalidParams', msg('basisOddKernel', { kernel: p.kernel }), 'kernel');
    const g = new GraphBuilder();
    const r = (p.kernel - 1) / 2;
    const s: [number, number] = [p.stride, p.stride];
    const branches: { label: string; n: number; kernel: [number, number]; padding: [number, number] }[] = [
      { label: 'basis1xk', n: p.horizontal, kernel: [1, p.kernel], padding: [0, r] },
      { label: 'basiskx1', n: p.vertical, kernel: [p.kernel, 1], padding: [r, 0] },
      { label: 'basiskxk', n: p.full, kernel: [p.kernel, p.kernel], padding: [r, r] },
    ];
    const outs: PortRef[] = [];
    for (const b of branches)
      if (b.n > 0)
        outs.push(
          g.add('Conv2d', { outChannels: b.n, kernel: b.kernel, stride: s, padding: b.padding }, [], b.label),
        );
    const concat = g.add('Concat', { inputs: outs.length }, outs, 'concat');
    const combine = g.add(
      'Conv2d',
      { outChannels: p.outChannels, kernel: [1, 1], padding: [0, 0] },
      [concat],
      'combine1x1',
    );
    return ok(g.subgraph([outs], [combine]));
  },
  formulas(p: Params, inputs: readonly Shape[], outputs: readonly Shape[]): readonly FormulaLine[] {
    const cin = inputs[0]?.[1] ?? 0;
    const [, , oh = 0, ow = 0] = outputs[0] ?? [];
    const k = p.kernel;
    const m = p.horizontal + p.vertical + p.full;
    const params = cin * (p.horizontal * k + p.vertical * k + p.full * k * k) + m * p.outChannels;
    return [
      {
        figure: 'params',
        symbolic: 'Cin·(m₁·k + m₂·k + m₃·k²) + (m₁+m₂+m₃)·Cout',
        substituted: `${cin}·(${p.horizontal}·${k} + ${p.vertical}·${k} + ${p.full}·${k * k}) + ${m}·${p.outChannels} = ${fmt(params)}`,
      },
      {
        figure: 'multiplyAdds',
        symbolic: "params·H'·W'",
        substituted: `${fmt(params)}·${oh}·${ow} = ${fmt(params * oh * ow)}`,
      },
    ];
  },
  summary: (p: Params) =>
    `${p.outChannels} ${p.kernel}: ${p.horizontal}h ${p.vertical}v${p.full > 0 ? ` ${p.full}f` : ''}${p.stride > 1 ? ` s${p.stride}` : ''}`,
  widthFields: ['outChannels', 'horizontal', 'vertical', 'full'],
  // 1×k, k×1 and k×k convs in parallel, then one 1×1.
  recognise: (r) => {
    const combine = r.convs.at(-1);
    const h = r.convs.find((c) => c.kernel[0] === 1 && c.kernel[1] > 1);
    const v = r.convs.find((c) => c.kernel[1] === 1 && c.kernel[0] > 1);
    const f = r.convs.find((c) => c.kernel[0] > 1 && c.kernel[0] === c.kernel[1]);
    if (combine?.kernel[0] !== 1 || h === undefined || v === undefined) return [];
    return [
      {
        outChannels: r.outChannels,
        kernel: h.kernel[1],
        horizontal: h.outChannels,
        vertical: v.outChannels,
        full: f?.outChannels ?? 0,
        stride: r.stride,
      },
    ];
  },
  pytorch: basisFiltersTorch,
  conformance: [
    { name: '3×3 basis 4h 4v', params: { outChannels: 16, horizontal: 4, vertical: 4 } },
    {
      name: '5×5 basis 4h 4v 2f, stride 2',
      params: { outChannels: 8, kernel: 5, horizontal: 4, vertical: 4, full: 2, stride: 2 },
    },
  ],
};
