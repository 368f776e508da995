import type { GraphBuilder } from '../design/builder';
import type { PortRef } from '../design/design-types';
import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/** ResNet's bottleneck unit (1×1 c→m, 3×3 m→m, 1×1 m→c, BN after each, shortcut add, ReLU). */
function resnetBottleneck(g: GraphBuilder, x: PortRef, c: number, m: number): PortRef {
  const reduce = g.add('Conv2d', { outChannels: m, kernel: [1, 1], padding: [0, 0] }, [x], 'reduce1x1');
  const r1 = g.add('ReLU', {}, [g.add('BatchNorm', {}, [reduce], 'bn1')], 'relu1');
  const conv = g.add('Conv2d', { outChannels: m, kernel: [3, 3], padding: [1, 1] }, [r1], 'conv3x3');
  const r2 = g.add('ReLU', {}, [g.add('BatchNorm', {}, [conv], 'bn2')], 'relu2');
  const expand = g.add('Conv2d', { outChannels: c, kernel: [1, 1], padding: [0, 0] }, [r2], 'expand1x1');
  const sum = g.add('Add', {}, [g.add('BatchNorm', {}, [expand], 'bn3'), x], 'add');
  return g.add('ReLU', {}, [sum], 'relu3');
}

/**
 * Zhang et al. 2018 (ShuffleNet), section 3.2: for c channels at h×w with bottleneck m, a ResNet
 * unit costs hw(2cm + 9m²) multiply-adds and a ShuffleNet unit hw(2cm/g + 9m). Here c = 240, m = 60,
 * g = 3 at 28×28 (the g = 3 network's stage 2).
 */
export const shufflenetExample: ExampleDef = {
  name: 'shufflenet_unit_vs_resnet_bottleneck',
  method: 'ShuffleNet pointwise group conv + channel shuffle',
  surveyRef: 127,
  level: 'kernel',
  shows: 'a g = 3 ShuffleNet unit beside the ResNet bottleneck: hw(2cm/g + 9m) against hw(2cm + 9m²)',
  build: () =>
    sideBySide(
      'ShuffleNet unit vs ResNet bottleneck',
      { channels: 240, height: 28, width: 28 },
      (g, x) => resnetBottleneck(g, x, 240, 60),
      (g, x) => g.add('ShuffleUnitV1', { outChannels: 240, groups: 3 }, [x], 'shuffle_unit'),
    ),
};
