import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/**
 * The layer MobileNet's Table 3 (Howard et al. 2017) takes apart: D_K = 3, M = N = 512, D_F = 14.
 * The paper prints 462M multiply-adds and 2.36M params for the full conv, 52.3M and 0.27M for the
 * depthwise-separable one (convs only; batch norm and ReLU follow each conv in the block).
 */
export const depthwiseSeparableExample: ExampleDef = {
  name: 'depthwise_separable_vs_conv3x3',
  method: 'MobileNet depthwise-separable convolution',
  surveyRef: 125,
  level: 'kernel',
  shows: "MobileNet Table 3's 14×14×512 layer: 462M → 52.3M multiply-adds, 2.36M → 0.27M params",
  build: () =>
    sideBySide(
      'Depthwise-separable vs 3×3 conv',
      { channels: 512, height: 14, width: 14 },
      (g, x) => g.add('Conv2d', { outChannels: 512, kernel: [3, 3], padding: [1, 1] }, [x], 'conv3x3'),
      (g, x) => g.add('DepthwiseSeparable', { outChannels: 512 }, [x], 'separable'),
    ),
};
