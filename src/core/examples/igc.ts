import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/**
 * Zhang et al. 2017 (IGC): a primary 3×3 group conv with L partitions and a secondary 1×1 group
 * conv with M partitions over C = L·M channels costs C(9M + L) weights against a dense 3×3 conv's
 * 9C². Here C = 64 with L = 2, M = 32 at 32×32 (a CIFAR stage); BN and ReLU after both sides.
 */
export const igcExample: ExampleDef = {
  name: 'igc_vs_conv3x3',
  method: 'IGC, interleaved group convolution',
  surveyRef: 129,
  level: 'kernel',
  shows: 'L = 2, M = 32 over 64 channels at 32×32: C(9M + L) weights beside the dense 9C²',
  build: () =>
    sideBySide(
      'IGC vs 3×3 conv',
      { channels: 64, height: 32, width: 32 },
      (g, x) => {
        const conv = g.add('Conv2d', { outChannels: 64, kernel: [3, 3], padding: [1, 1] }, [x], 'conv3x3');
        return g.add('ReLU', {}, [g.add('BatchNorm', {}, [conv], 'bn')], 'relu');
      },
      (g, x) =>
        g.add('InterleavedGroupConv', { outChannels: 64, primaryGroups: 2, secondaryGroups: 32 }, [x], 'igc'),
    ),
};
