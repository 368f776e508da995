import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/**
 * Ma et al. 2018 (ShuffleNetV2): dense 1×1 convs and no grouped pointwise convs (guidelines G1, G2).
 * Both sides read one input, the 24-channel 56×56 map the two 1× networks' stems give stage 2, and
 * each is its network's first stage-2 unit (stride 2): V2's to 116 channels (authors' layout) beside
 * V1's g = 3 unit to 240 (its first 1×1 not grouped, as the paper does for stage 2's first unit).
 */
export const shufflenetV2Example: ExampleDef = {
  name: 'shufflenet_v2_unit_vs_v1_unit',
  method: 'ShuffleNetV2 channel split',
  surveyRef: 128,
  level: 'kernel',
  shows:
    "the first stage-2 units of the 1× networks, one 24×56×56 input: V2's (to 116 ch) beside V1's g = 3 (to 240 ch)",
  build: () =>
    sideBySide(
      'ShuffleNetV2 unit vs ShuffleNet unit',
      { channels: 24, height: 56, width: 56 },
      (g, x) =>
        g.add('ShuffleUnitV1', { outChannels: 240, groups: 3, stride: 2, groupFirst: false }, [x], 'v1_unit'),
      (g, x) => g.add('ShuffleUnitV2', { outChannels: 116, stride: 2 }, [x], 'v2_unit'),
    ),
};
