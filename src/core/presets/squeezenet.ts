import { GraphBuilder } from '../design/builder';
import type { PortRef } from '../design/design-types';
import type { OpParamsInput } from '../kind-table';
import { imageInput, resolveOptions } from './preset-common';
import type { PresetDef, PresetOptions } from './preset-types';

/** One entry of torchvision's `features`: a Fire module (squeeze, expand width each) or a max pool. */
type Stage = readonly [squeeze: number, expand: number] | 'pool';

interface Version {
  readonly name: string;
  readonly title: string;
  readonly stem: { readonly channels: number; readonly kernel: number };
  readonly features: readonly Stage[];
}

function build(v: Version, options?: PresetOptions) {
  const { resolution, classes } = resolveOptions(options);
  const g = new GraphBuilder();
  const k = v.stem.kernel;
  const conv = g.add(
    'Conv2d',
    { outChannels: v.stem.channels, kernel: [k, k], stride: [2, 2], padding: [0, 0], bias: true },
    [imageInput(g, resolution)],
    'features.0',
  );
  let x: PortRef = g.add('ReLU', {}, [conv], 'features.1');
  // Ceil-mode pools, as torchvision (and the Caffe original) have them: 111 → 55, not 54.
  const pool: OpParamsInput<'MaxPool'> = { kernel: [3, 3], stride: [2, 2], padding: [0, 0], ceilMode: true };
  v.features.forEach((stage, i) => {
    const label = `features.${i + 2}`;
    x =
      stage === 'pool'
        ? g.add('MaxPool', pool, [x], label)
        : g.add('Fire', { squeeze: stage[0], expand1x1: stage[1], expand3x3: stage[1] }, [x], label);
  });
  // No fully connected layer: a 1×1 conv to the classes, ReLU, and a global average.
  const drop = g.add('Dropout', { p: 0.5 }, [x], 'classifier.0');
  const final = g.add(
    'Conv2d',
    { outChannels: classes, kernel: [1, 1], padding: [0, 0], bias: true },
    [drop],
    'classifier.1',
  );
  const relu = g.add('ReLU', {}, [final], 'classifier.2');
  const avg = g.add('GlobalAvgPool', {}, [relu], 'classifier.3');
  g.output(g.add('Flatten', {}, [avg], 'flatten'));
  return g.design(v.title);
}

function preset(v: Version, description: string, paperFigures: PresetDef['paperFigures']): PresetDef {
  return {
    name: v.name,
    title: v.title,
    paper: 'Iandola et al. 2016, SqueezeNet (arXiv:1602.07360)',
    description,
    options: { resolution: [224] },
    build: (options) => build(v, options),
    paperFigures,
  };
}

export const squeezenet1_0 = preset(
  {
    name: 'squeezenet1_0',
    title: 'SqueezeNet 1.0',
    stem: { channels: 96, kernel: 7 },
    features: [
      'pool',
      [16, 64],
      [16, 64],
      [32, 128],
      'pool',
      [32, 128],
      [48, 192],
      [48, 192],
      [64, 256],
      'pool',
      [64, 256],
    ],
  },
  'AlexNet accuracy with 50× fewer parameters: Fire modules, late downsampling, no fully connected layer.',
  [
    {
      options: {},
      params: 1_248_424,
      source: { ref: 'Table 1', after: ' (total of the per-layer weights, before pruning)' },
    },
  ],
);

export const squeezenet1_1 = preset(
  {
    name: 'squeezenet1_1',
    title: 'SqueezeNet 1.1',
    stem: { channels: 64, kernel: 3 },
    features: [
      'pool',
      [16, 64],
      [16, 64],
      'pool',
      [32, 128],
      [32, 128],
      'pool',
      [48, 192],
      [48, 192],
      [64, 256],
      [64, 256],
    ],
  },
  'SqueezeNet 1.0 with a 3×3 stem of 64 filters and earlier pools: about 2.4× less computation, same accuracy.',
  // No paper tabulates 1.1 (the authors' v1.1 release): nothing printed to compare with.
  [],
);
