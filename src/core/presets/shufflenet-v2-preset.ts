import { GraphBuilder } from '../design/builder';
import { convBn } from '../blocks/conv-bn';
import { imageInput, resolveOptions } from './preset-common';
import { classifierHead, shuffleStem } from './shufflenet-common';
import type { PresetDef, PresetOptions } from './preset-types';

interface V2Scale {
  readonly name: string;
  readonly scale: string;
  /** Output channels of stages 2, 3, 4 and of conv5 (Ma et al. 2018, Table 5). */
  readonly channels: readonly [number, number, number, number];
  readonly params: number;
  readonly multiplyAdds: number;
  /** Where this build and the printed figure part, if they do. */
  readonly note?: string;
  /** Dropout before the classifier: the authors' 2× model alone has it (free at inference). */
  readonly dropout?: number;
}

const repeats = [4, 8, 4];

function build(s: V2Scale, options: PresetOptions = {}) {
  const { resolution, classes } = resolveOptions(options);
  const g = new GraphBuilder();
  let x = shuffleStem(g, imageInput(g, resolution), 24);
  // Table 5's stages 2-4: the first unit strides and widens, the rest keep the shape.
  repeats.forEach((count, stage) => {
    const outChannels = s.channels[stage] ?? 0;
    x = g.add(
      'Stage',
      { unit: 'ShuffleUnitV2', repeats: count, outChannels, stride: 2 },
      [x],
      `stage${stage + 2}`,
    );
  });
  const conv5 = convBn(g, [x], 'conv5', {
    conv: { outChannels: s.channels[3], kernel: [1, 1] },
    act: 'ReLU',
  });
  classifierHead(g, conv5.out, classes, s.dropout);
  return g.design(`ShuffleNetV2 ${s.scale}`);
}

function preset(s: V2Scale): PresetDef {
  return {
    name: s.name,
    title: `ShuffleNet V2 ${s.scale}`,
    paper: 'Ma et al. 2018, ShuffleNetV2 (arXiv:1807.11164)',
    description:
      'Channel split and shuffle, in the authors’ layout: stride-2 units keep the input width on the projection branch.',
    options: {},
    build: (options) => build(s, options),
    paperFigures: [
      {
        options: {},
        params: s.params,
        multiplyAdds: s.multiplyAdds,
        source: {
          ref: 'Table 5',
          after: ` (FLOPs = multiply-adds, # of weights)${s.note === undefined ? '' : `; ${s.note}`}`,
        },
      },
    ],
  };
}

export const shufflenetV2x0_5 = preset({
  name: 'shufflenet_v2_x0_5',
  scale: '0.5×',
  channels: [48, 96, 192, 1024],
  params: 1.4e6,
  multiplyAdds: 41e6,
  note: 'counting conv and FC layers as the authors do, the layout of Table 5 falls just short of rounding up to this figure',
});
export const shufflenetV2x1_0 = preset({
  name: 'shufflenet_v2_x1_0',
  scale: '1×',
  channels: [116, 232, 464, 1024],
  params: 2.3e6,
  multiplyAdds: 146e6,
});
export const shufflenetV2x1_5 = preset({
  name: 'shufflenet_v2_x1_5',
  scale: '1.5×',
  channels: [176, 352, 704, 1024],
  params: 3.5e6,
  multiplyAdds: 299e6,
});
export const shufflenetV2x2_0 = preset({
  name: 'shufflenet_v2_x2_0',
  scale: '2×',
  channels: [244, 488, 976, 2048],
  params: 7.4e6,
  multiplyAdds: 591e6,
  dropout: 0.2,
});
