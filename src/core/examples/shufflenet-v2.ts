import type { ExampleDef } from './types';
import { sideBySide } from './side-by-side';

/**
 * Ma et al. 2018 (ShuffleNetV2): channel split sends half the channels through untouched, and the
 * branch's 1×1 convs are dense with equal widths (guidelines G1, G2). Shown at 28×28 with the two
 * 1× networks' stage-2 units: V2's 116 channels beside V1's g = 3 unit of 240 channels.
 */
export const shufflenetV2Example: ExampleDef = {
  name: 'shufflenet_v2_unit_vs_v1_unit',
  method: 'ShuffleNetV2 channel split',
  surveyRef: 128,
  level: 'kernel',
  shows:
    "stage-2 units of the 1× networks at 28×28: V2's split unit (116 ch) beside V1's g = 3 unit (240 ch)",
  build: () =>
    sideBySide(
      'ShuffleNetV2 unit vs ShuffleNet unit',
      { channels: 240, height: 28, width: 28 },
      (g, x) => g.add('ShuffleUnitV1', { outChannels: 240, groups: 3 }, [x], 'v1_unit'),
      (g, x) => g.add('ShuffleUnitV2', { outChannels: 116 }, [x], 'v2_unit'),
      { channels: 116, height: 28, width: 28 },
    ),
};
