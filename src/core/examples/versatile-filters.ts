import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/**
 * Wang et al. 2018 store only primary filters and derive secondary ones as their masks. Here 32
 * primary 3×3 filters over 64 channels at 32×32, each giving its full 3×3 and its centre 1×1 as
 * two output channels (64 in all), beside the dense 3×3 conv with the same 64 outputs.
 */
export const versatileFiltersExample: ExampleDef = {
  name: 'versatile_vs_conv3x3',
  method: 'Versatile filters (Wang et al.)',
  surveyRef: 136,
  level: 'kernel',
  shows:
    '32 primary 3×3 filters giving 3×3 and centre 1×1 secondaries (18,432 stored weights, 10 taps each) beside a dense 3×3 conv with the same 64 outputs (36,864)',
  build: () =>
    sideBySide(
      'Versatile filters vs 3×3 conv',
      { channels: 64, height: 32, width: 32 },
      (g, x) => g.add('Conv2d', { outChannels: 64 }, [x], 'conv3x3'),
      (g, x) => g.add('VersatileConv', { outChannels: 64 }, [x], 'versatile'),
    ),
};
