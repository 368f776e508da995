import { z } from 'zod';
import { ok, type Result } from '../diagnostics';
import type { Subgraph } from '../design/subgraph';
import { GraphBuilder } from '../design/builder';
import { positiveInt } from '../ops/op-common';
import type { BlockDef } from './block-types';
import { fireTorch } from '../torch/blocks/fire-torch';

const schema = z.object({
  squeeze: positiveInt.default(16),
  expand1x1: positiveInt.default(64),
  expand3x3: positiveInt.default(64),
});

export const fire: BlockDef<'Fire', typeof schema> = {
  kind: 'Fire',
  title: 'Fire module',
  description: 'Squeeze 1×1 to few channels, then expand with parallel 1×1 and 3×3 convs, concatenated.',
  paper: { ref: 'Iandola et al. 2016, SqueezeNet' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p): Result<Subgraph> {
    const g = new GraphBuilder();
    const squeeze = g.add(
      'Conv2d',
      { outChannels: p.squeeze, kernel: [1, 1], padding: [0, 0], bias: true },
      [],
      'squeeze1x1',
    );
    const s = g.add('ReLU', {}, [squeeze], 'squeeze_relu');
    const e1 = g.add(
      'Conv2d',
      { outChannels: p.expand1x1, kernel: [1, 1], padding: [0, 0], bias: true },
      [s],
      'expand1x1',
    );
    const r1 = g.add('ReLU', {}, [e1], 'expand1x1_relu');
    const e3 = g.add(
      'Conv2d',
      { outChannels: p.expand3x3, kernel: [3, 3], padding: [1, 1], bias: true },
      [s],
      'expand3x3',
    );
    const r3 = g.add('ReLU', {}, [e3], 'expand3x3_relu');
    const out = g.add('Concat', { inputs: 2 }, [r1, r3], 'concat');
    return ok(g.subgraph([[{ node: squeeze.node, port: 0 }]], [out]));
  },
  summary: (p) => `s${p.squeeze} e${p.expand1x1}+${p.expand3x3}`,
  widthFields: ['squeeze', 'expand1x1', 'expand3x3'],
  // Squeeze first; then the 1×1 and the 3×3 expand convs.
  recognise: ({ convs }) => {
    const [squeeze, ...expands] = convs;
    const e1 = expands.find((c) => c.kernel[0] === 1);
    const e3 = expands.find((c) => c.kernel[0] === 3);
    if (squeeze === undefined || e1 === undefined || e3 === undefined) return [];
    return [{ squeeze: squeeze.outChannels, expand1x1: e1.outChannels, expand3x3: e3.outChannels }];
  },
  pytorch: fireTorch,
  conformance: [
    { name: 'SqueezeNet fire2', params: { squeeze: 16, expand1x1: 64, expand3x3: 64 }, input: [96, 8, 8] },
    { name: 'uneven expands', params: { squeeze: 8, expand1x1: 16, expand3x3: 24 } },
  ],
};

export type FireParams = z.infer<typeof schema>;
