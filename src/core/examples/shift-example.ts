import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/**
 * Wu et al. 2018 (Shift): a 3×3 conv 64 → 64 at 32×32 beside a shift block (1×1, a zero-FLOP,
 * zero-parameter shift, 1×1): 2·C² weights against 9·C².
 */
export const shiftExample: ExampleDef = {
  name: 'shift_vs_conv3x3',
  method: 'Shift, a zero-FLOP zero-parameter alternative to spatial convolution',
  surveyRef: 141,
  level: 'layer',
  shows: '1×1 → shift → 1×1 over 64 channels: 2C² weights beside the 3×3 conv’s 9C²',
  build: () =>
    sideBySide(
      'Shift block vs 3×3 conv',
      { channels: 64, height: 32, width: 32 },
      (g, x) => g.add('Conv2d', { outChannels: 64 }, [x], 'conv3x3'),
      (g, x) => g.add('ShiftBlock', { outChannels: 64 }, [x], 'shift_block'),
    ),
};
