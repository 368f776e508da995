import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/**
 * MobileNetV2 (Sandler et al. 2018) puts a 1×1 expansion (t = 6) before MobileNetV1's depthwise
 * conv, a linear 1×1 projection after it and a shortcut around it. Shown at one of MobileNetV2's
 * own stages (24 channels at 56×56) beside the V1 depthwise-separable conv of the same width.
 */
export const invertedResidualExample: ExampleDef = {
  name: 'inverted_residual_vs_separable',
  method: 'MobileNetV2 inverted residual',
  surveyRef: 126,
  level: 'kernel',
  shows: 'a t = 6 inverted residual (24 ch at 56×56) beside the V1 depthwise-separable conv it extends',
  build: () =>
    sideBySide(
      'Inverted residual vs depthwise-separable',
      { channels: 24, height: 56, width: 56 },
      (g, x) => g.add('DepthwiseSeparable', { outChannels: 24 }, [x], 'separable'),
      (g, x) => g.add('InvertedResidual', { outChannels: 24, expansion: 6 }, [x], 'inverted_residual'),
    ),
};
