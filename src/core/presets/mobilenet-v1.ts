import { convBn } from '../blocks/conv-bn';
import { GraphBuilder } from '../design/builder';
import type { PortRef } from '../design/design-types';
import { imageInput, resolveOptions } from './preset-common';
import type { PaperFigures, PresetDef, PresetOptions } from './preset-types';

/**
 * Howard et al. 2017, Table 1, after the 3×3 stride-2 stem of 32: [output channels, stride] of each
 * depthwise-separable layer. The table prints the last stride as 2; it is 1 (the map stays 7×7
 * for the 7×7 average pool, and the published models agree).
 */
const layers: readonly (readonly [number, number])[] = [
  [64, 1],
  [128, 2],
  [128, 1],
  [256, 2],
  [256, 1],
  [512, 2],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [1024, 2],
  [1024, 1],
];

/** Width multiplier α as the authors' TF-Slim code applies it: ⌊c·α⌋, at least 8. */
const thin = (c: number, alpha: number): number => Math.max(8, Math.floor(c * alpha));

function build(style: 'separable' | 'full', options?: PresetOptions) {
  const { width, resolution, classes } = resolveOptions(options);
  const g = new GraphBuilder();
  let x: PortRef = convBn(g, [imageInput(g, resolution)], 'conv1', {
    conv: { outChannels: thin(32, width), kernel: [3, 3], stride: [2, 2] },
    act: 'ReLU',
  }).out;
  layers.forEach(([c, s], i) => {
    const outChannels = thin(c, width);
    x =
      style === 'separable'
        ? g.add('DepthwiseSeparable', { outChannels, stride: s }, [x], `conv_ds_${i + 1}`)
        : convBn(g, [x], `conv${i + 2}`, {
            conv: { outChannels, kernel: [3, 3], stride: [s, s] },
            act: 'ReLU',
          }).out;
  });
  // Global rather than a fixed 7×7 pool, so smaller resolutions (6×6 at 192) pool the whole map.
  const pooled = g.add('GlobalAvgPool', {}, [x], 'avgpool');
  const flat = g.add('Flatten', {}, [pooled], 'flatten');
  g.output(g.add('Linear', { outFeatures: classes }, [flat], 'fc'));
  return g.design(style === 'separable' ? 'MobileNetV1' : 'MobileNetV1 (full convolutions)');
}

const figure = (
  width: number,
  resolution: number,
  params: number,
  madds: number,
  source: string,
  note?: string,
): PaperFigures => ({
  options: { width, resolution },
  params,
  multiplyAdds: madds,
  source: { ref: source },
  ...(note === undefined ? {} : { note }),
});

export const mobilenetV1: PresetDef = {
  name: 'mobilenet_v1',
  title: 'MobileNetV1',
  paper: 'Howard et al. 2017, MobileNets (arXiv:1704.04861)',
  description:
    'Depthwise-separable convolutions throughout; width multiplier α thins every layer, resolution ρ shrinks every map.',
  options: { width: [1, 0.75, 0.5, 0.25], resolution: [224, 192, 160, 128] },
  build: (options) => build('separable', options),
  paperFigures: [
    figure(1, 224, 4.2e6, 569e6, 'Tables 4, 6 and 7'),
    figure(0.75, 224, 2.6e6, 325e6, 'Table 6'),
    figure(0.5, 224, 1.3e6, 149e6, 'Table 6'),
    figure(0.25, 224, 0.5e6, 41e6, 'Table 6'),
    figure(1, 192, 4.2e6, 418e6, 'Table 7'),
    figure(1, 160, 4.2e6, 290e6, 'Table 7', 'The paper truncates this figure and rounds the others.'),
    figure(1, 128, 4.2e6, 186e6, 'Table 7'),
  ],
};

export const mobilenetV1Conv: PresetDef = {
  name: 'mobilenet_v1_conv',
  title: 'MobileNetV1 (full convolutions)',
  paper: 'Howard et al. 2017, MobileNets (arXiv:1704.04861)',
  description: 'MobileNetV1 with every depthwise-separable layer a full 3×3 conv: the paper’s baseline.',
  options: { width: [1], resolution: [224] },
  build: (options) => build('full', options),
  paperFigures: [
    figure(
      1,
      224,
      29.3e6,
      4866e6,
      'Table 4',
      'The printed multiply-adds leave out the 1024 × 1000 FC layer.',
    ),
  ],
};
