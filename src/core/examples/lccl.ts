import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/**
 * Dong et al. 2017 (LCCL): a 3×3 conv 64 → 64 at 32×32 beside the same conv with a 1×1
 * collaborative layer; with half its ReLU outputs zero (z = 0.5, set by hand; a run measures it),
 * the effective cost is 64·64·HW + 0.5·64·64·9·HW: 0.61 of the plain conv.
 */
export const lcclExample: ExampleDef = {
  name: 'lccl_vs_conv3x3',
  method: 'LCCL, low-cost collaborative layer',
  surveyRef: 138,
  level: 'layer',
  shows: 'effective cost(LCCL) + (1 − z)·cost(main) beside the as-exported sum, z = 0.5 by hand',
  build: () =>
    sideBySide(
      'LCCL vs 3×3 conv',
      { channels: 64, height: 32, width: 32 },
      (g, x) => g.add('Conv2d', { outChannels: 64 }, [x], 'conv3x3'),
      (g, x) => g.add('LcclConv', { outChannels: 64, zeroRatio: 0.5 }, [x], 'lccl'),
    ),
};
