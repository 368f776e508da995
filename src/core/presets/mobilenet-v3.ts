import { makeDivisible } from '../blocks/mobilenet-common';
import { GraphBuilder } from '../design/builder';
import type { PortRef } from '../design/design-types';
import { imageInput, resolveOptions, torchConvNormAct } from './preset-common';
import type { PresetDef, PresetOptions } from './preset-types';

/** One bneck row of Howard et al. 2019, Tables 1 and 2: kernel, expanded width, output, SE, act, stride. */
type Bneck = readonly [k: number, exp: number, out: number, se: boolean, act: 'RE' | 'HS', s: number];

interface Variant {
  readonly name: string;
  readonly title: string;
  readonly bnecks: readonly Bneck[];
  /** Width of the classifier's hidden layer, before the width multiplier. */
  readonly lastChannels: number;
  readonly paperFigures: PresetDef['paperFigures'];
}

/** torchvision's mobilenet_v3_*: every width α·c rounded by make_divisible(·, 8), labels as its modules. */
function build(v: Variant, options?: PresetOptions) {
  const { width, resolution, classes } = resolveOptions(options);
  const adjust = (c: number): number => makeDivisible(c * width);
  const g = new GraphBuilder();
  let x: PortRef = imageInput(g, resolution);
  x = torchConvNormAct(g, x, 'features.0', { outChannels: adjust(16), kernel: 3, stride: 2 }, 'HardSwish');
  let last = adjust(16);
  v.bnecks.forEach(([kernel, exp, out, se, act, stride], i) => {
    last = adjust(out);
    const params = {
      kernel,
      expandedChannels: adjust(exp),
      outChannels: last,
      squeezeExcite: se,
      activation: act === 'HS' ? 'hardswish' : 'relu',
      stride,
    } as const;
    x = g.add('InvertedResidual', params, [x], `features.${i + 1}`);
  });
  const lastConv = `features.${v.bnecks.length + 1}`;
  x = torchConvNormAct(g, x, lastConv, { outChannels: 6 * last, kernel: 1 }, 'HardSwish');
  const pooled = g.add('GlobalAvgPool', {}, [x], 'avgpool');
  const flat = g.add('Flatten', {}, [pooled], 'flatten');
  const hidden = g.add('Linear', { outFeatures: adjust(v.lastChannels) }, [flat], 'classifier.0');
  const act = g.add('HardSwish', {}, [hidden], 'classifier.1');
  const drop = g.add('Dropout', { p: 0.2 }, [act], 'classifier.2');
  g.output(g.add('Linear', { outFeatures: classes }, [drop], 'classifier.3'));
  return g.design(v.title);
}

function preset(v: Variant): PresetDef {
  return {
    name: v.name,
    title: v.title,
    paper: 'Howard et al. 2019, Searching for MobileNetV3 (arXiv:1905.02244)',
    description: 'Searched inverted residuals with squeeze-excite and hard-swish, in torchvision’s layout.',
    // torchvision thins the head too, so its 0.75 is not the paper's 0.75 model: only 1 is listed.
    options: { width: [1], resolution: [224] },
    build: (options) => build(v, options),
    paperFigures: v.paperFigures,
  };
}

export const mobilenetV3Large = preset({
  name: 'mobilenet_v3_large',
  title: 'MobileNetV3-Large',
  bnecks: [
    [3, 16, 16, false, 'RE', 1],
    [3, 64, 24, false, 'RE', 2],
    [3, 72, 24, false, 'RE', 1],
    [5, 72, 40, true, 'RE', 2],
    [5, 120, 40, true, 'RE', 1],
    [5, 120, 40, true, 'RE', 1],
    [3, 240, 80, false, 'HS', 2],
    [3, 200, 80, false, 'HS', 1],
    [3, 184, 80, false, 'HS', 1],
    [3, 184, 80, false, 'HS', 1],
    [3, 480, 112, true, 'HS', 1],
    [3, 672, 112, true, 'HS', 1],
    [5, 672, 160, true, 'HS', 2],
    [5, 960, 160, true, 'HS', 1],
    [5, 960, 160, true, 'HS', 1],
  ],
  lastChannels: 1280,
  paperFigures: [
    {
      options: { width: 1 },
      params: 5.4e6,
      multiplyAdds: 219e6,
      source: { ref: 'Table 3' },
      note: 'Params truncated, not rounded. The printed multiply-adds exceed what Table 1’s architecture builds to; torchvision’s build finds the same.',
    },
  ],
});

export const mobilenetV3Small = preset({
  name: 'mobilenet_v3_small',
  title: 'MobileNetV3-Small',
  bnecks: [
    [3, 16, 16, true, 'RE', 2],
    [3, 72, 24, false, 'RE', 2],
    [3, 88, 24, false, 'RE', 1],
    [5, 96, 40, true, 'HS', 2],
    [5, 240, 40, true, 'HS', 1],
    [5, 240, 40, true, 'HS', 1],
    [5, 120, 48, true, 'HS', 1],
    [5, 144, 48, true, 'HS', 1],
    [5, 288, 96, true, 'HS', 2],
    [5, 576, 96, true, 'HS', 1],
    [5, 576, 96, true, 'HS', 1],
  ],
  lastChannels: 1024,
  paperFigures: [
    {
      options: { width: 1 },
      params: 2.5e6,
      multiplyAdds: 56e6,
      source: { ref: 'Table 3' },
      note: 'Truncated, not rounded.',
    },
  ],
});
