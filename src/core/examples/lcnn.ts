import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/**
 * Bagherinezhad et al. 2017 (LCNN) build every filter of a layer from a shared dictionary: here 128
 * vectors over 64 channels and 3 lookups per filter position, on a 64 → 64 3×3 conv at 32×32, beside
 * the dense conv it replaces. Its own kernel does 8.4M (dictionary) + 1.8M (lookups) multiply-adds
 * against 37.7M; as exported (the dense lookup weight) it does more than the dense conv.
 */
export const lcnnExample: ExampleDef = {
  name: 'lcnn_vs_conv3x3',
  method: 'LCNN, lookup-based convolution',
  surveyRef: 135,
  level: 'kernel',
  shows:
    'a dictionary of k = 128 vectors and s = 3 lookups per filter position (effective 10.2M multiply-adds, 9,920 values + 1,728 indices) beside a dense 64→64 3×3 conv (37.7M, 36,864)',
  build: () =>
    sideBySide(
      'LCNN vs 3×3 conv',
      { channels: 64, height: 32, width: 32 },
      (g, x) => g.add('Conv2d', { outChannels: 64 }, [x], 'conv3x3'),
      (g, x) => g.add('LookupConv', { outChannels: 64, dictionarySize: 128, lookups: 3 }, [x], 'lcnn'),
    ),
};
