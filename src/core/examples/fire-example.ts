import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/**
 * SqueezeNet's fire2 (Iandola et al. 2016, Table 1): 96 channels at 55×55 in, squeeze 16, expand
 * 64 + 64. The paper prints 11,920 parameters for it; the baseline is the 3×3 conv to the same
 * 128 channels that the Fire module replaces (biases on both, as in SqueezeNet).
 */
export const fireExample: ExampleDef = {
  name: 'fire_vs_conv3x3',
  method: 'SqueezeNet Fire module',
  surveyRef: 124,
  level: 'kernel',
  shows: 'fire2 (squeeze 16, expand 64+64; 11,920 params as Table 1 prints) beside a 96→128 3×3 conv',
  build: () =>
    sideBySide(
      'Fire vs 3×3 conv',
      { channels: 96, height: 55, width: 55 },
      (g, x) =>
        g.add('Conv2d', { outChannels: 128, kernel: [3, 3], padding: [1, 1], bias: true }, [x], 'conv3x3'),
      (g, x) => g.add('Fire', { squeeze: 16, expand1x1: 64, expand3x3: 64 }, [x], 'fire2'),
    ),
};
