import { GraphBuilder } from '../design/builder';
import { imageInput, resolveOptions } from './preset-common';
import { classifierHead, shuffleStem } from './shufflenet-common';
import type { PresetDef, PresetOptions } from './preset-types';

/** Output channels of stages 2, 3, 4 at 1× (Zhang et al. 2018, Table 1), by group count. */
const stageChannels: Readonly<Record<number, readonly number[]>> = {
  1: [144, 288, 576],
  2: [200, 400, 800],
  3: [240, 480, 960],
  4: [272, 544, 1088],
  8: [384, 768, 1536],
};
const repeats = [4, 8, 4];
const groupOptions = [3, 1, 2, 4, 8];
const paperMultiplyAdds: readonly (readonly [number, number])[] = [
  [1, 143e6],
  [2, 140e6],
  [3, 137e6],
  [4, 133e6],
  [8, 137e6],
];

/**
 * Channels at width s, rounded to a multiple of `unit`. Stage widths use 4g, so the ⌊out/4⌋
 * bottleneck splits into g groups; the stem uses g, so the stride-2 branch's out − in does too.
 * Every 1× width of Table 1 is already such a multiple, so 1× is exactly the paper's.
 */
const scaled = (c: number, s: number, unit: number): number =>
  Math.max(unit, Math.round((c * s) / unit) * unit);

function build(options: PresetOptions = {}) {
  const { width, resolution, classes } = resolveOptions(options);
  const groups = options.groups ?? 3;
  const channels = stageChannels[groups];
  if (channels === undefined)
    throw new RangeError(`shufflenet_v1 takes groups ${groupOptions.join(', ')}, not ${groups}.`);
  const g = new GraphBuilder();
  let x = shuffleStem(g, imageInput(g, resolution), scaled(24, width, groups));
  // Table 1's stages 2-4: the first unit strides and widens, the rest keep the shape.
  repeats.forEach((count, stage) => {
    const outChannels = scaled(channels[stage] ?? 0, width, 4 * groups);
    x = g.add(
      'Stage',
      {
        unit: 'ShuffleUnitV1',
        repeats: count,
        outChannels,
        stride: 2,
        unitParams: { groups },
        // The first unit of stage 2 sees the 24-channel stem: too narrow for a group 1×1 (Table 1 note).
        firstParams: stage === 0 ? { groupFirst: false } : {},
      },
      [x],
      `stage${stage + 2}`,
    );
  });
  classifierHead(g, x, classes);
  const scale = width === 1 ? '1×' : `${width}×`;
  return g.design(`ShuffleNetV1 ${scale} (g = ${groups})`);
}

export const shufflenetV1: PresetDef = {
  name: 'shufflenet_v1',
  title: 'ShuffleNet V1',
  paper: 'Zhang et al. 2018, ShuffleNet (arXiv:1707.01083)',
  description:
    'Pointwise group convs and channel shuffle; stages of ShuffleUnitV1 as in the paper’s Table 1 and the authors’ code.',
  options: { groups: groupOptions, width: [1, 0.5, 0.25] },
  build,
  paperFigures: paperMultiplyAdds.map(([groups, multiplyAdds]) => ({
    options: { groups, width: 1 },
    multiplyAdds,
    source: { ref: 'Table 1', after: ' (complexity; its MFLOPs are multiply-adds)' },
    note: 'The row counts the convolutional body: it matches this build less the 1000-way classifier.',
  })),
};
