import { makeDivisible } from '../blocks/mobilenet-common';
import { GraphBuilder } from '../design/builder';
import type { PortRef } from '../design/design-types';
import { imageInput, resolveOptions, torchConvNormAct } from './preset-common';
import type { PresetDef, PresetOptions } from './preset-types';

/** Sandler et al. 2018, Table 2: expansion t, output channels c, repeats n, first stride s. */
const settings: readonly (readonly [t: number, c: number, n: number, s: number])[] = [
  [1, 16, 1, 1],
  [6, 24, 2, 2],
  [6, 32, 3, 2],
  [6, 64, 4, 2],
  [6, 96, 3, 1],
  [6, 160, 3, 2],
  [6, 320, 1, 1],
];

/**
 * torchvision's mobilenet_v2: widths α·c rounded by make_divisible(·, 8), the body as Table 2's
 * stages, labels as its modules.
 */
function build(options?: PresetOptions) {
  const { width, resolution, classes } = resolveOptions(options);
  const g = new GraphBuilder();
  let x: PortRef = imageInput(g, resolution);
  x = torchConvNormAct(
    g,
    x,
    'features.0',
    { outChannels: makeDivisible(32 * width), kernel: 3, stride: 2 },
    'ReLU6',
  );
  // One stage per row of Table 2; its units keep torchvision's module names (features.1 ... 17).
  let index = 1;
  settings.forEach(([t, c, n, s], row) => {
    const unitLabels = Array.from({ length: n }, (_, i) => `features.${index + i}`);
    x = g.add(
      'Stage',
      {
        unit: 'InvertedResidual',
        repeats: n,
        outChannels: makeDivisible(c * width),
        stride: s,
        unitParams: { expansion: t },
        unitLabels,
      },
      [x],
      `stage_${row + 1}`,
    );
    index += n;
  });
  // The last conv never narrows below 1280, so thin models keep a wide classifier input.
  const lastChannels = makeDivisible(1280 * Math.max(1, width));
  x = torchConvNormAct(g, x, `features.${index}`, { outChannels: lastChannels, kernel: 1 }, 'ReLU6');
  const pooled = g.add('GlobalAvgPool', {}, [x], 'avgpool');
  const flat = g.add('Flatten', {}, [pooled], 'flatten');
  const drop = g.add('Dropout', { p: 0.2 }, [flat], 'classifier.0');
  g.output(g.add('Linear', { outFeatures: classes }, [drop], 'classifier.1'));
  return g.design('MobileNetV2');
}

export const mobilenetV2: PresetDef = {
  name: 'mobilenet_v2',
  title: 'MobileNetV2',
  paper: 'Sandler et al. 2018, MobileNetV2 (arXiv:1801.04381)',
  description:
    'Inverted residuals with linear bottlenecks: expand 1×1, depthwise 3×3, project 1×1 without activation.',
  options: { width: [1, 1.4, 1.3, 0.75, 0.5, 0.35], resolution: [224, 192, 160, 128, 96] },
  build,
  paperFigures: [
    {
      options: { width: 1, resolution: 224 },
      params: 3.4e6,
      multiplyAdds: 300e6,
      source: { ref: 'Table 4' },
      note: 'Truncated, not rounded; the params count conv and FC weights only (batch norm left out).',
    },
  ],
};
