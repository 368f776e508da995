import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/**
 * IGCV2 (Xie et al. 2018) over C = 64 channels at 32×32 with K = 4 channels per branch and
 * L − 1 = 3 group 1×1 convs (4³ = 64: complementary): 9C + (L−1)·C·K = 1,344 weights against the
 * dense 3×3 conv's 9C² = 36,864. BN and ReLU after both sides.
 */
export const igcv2Example: ExampleDef = {
  name: 'igcv2_vs_conv3x3',
  method: 'IGCV2, interleaved structured sparse convolution',
  surveyRef: 130,
  level: 'kernel',
  shows:
    'C = 64, K = 4, L = 4 (complementary, 4³ = 64): 9C + (L−1)·C·K = 1,344 weights beside the dense 9C² = 36,864',
  build: () =>
    sideBySide(
      'IGCV2 vs 3×3 conv',
      { channels: 64, height: 32, width: 32 },
      (g, x) => {
        const conv = g.add('Conv2d', { outChannels: 64, kernel: [3, 3], padding: [1, 1] }, [x], 'conv3x3');
        return g.add('ReLU', {}, [g.add('BatchNorm', {}, [conv], 'bn')], 'relu');
      },
      (g, x) => g.add('InterleavedStructuredSparseConv', { branchChannels: 4, groupConvs: 3 }, [x], 'igcv2'),
    ),
};
