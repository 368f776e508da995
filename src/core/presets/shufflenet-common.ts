import { convBn } from '../blocks/conv-bn';
import type { GraphBuilder } from '../design/builder';
import type { PortRef } from '../design/design-types';

/** Conv1 (3×3, stride 2) + BN + ReLU, then a 3×3 stride-2 max pool: 224 → 56. */
export function shuffleStem(g: GraphBuilder, x: PortRef, channels: number): PortRef {
  const conv1 = convBn(g, [x], 'conv1', {
    conv: { outChannels: channels, kernel: [3, 3], stride: [2, 2] },
    act: 'ReLU',
  });
  return g.add('MaxPool', { kernel: [3, 3], stride: [2, 2], padding: [1, 1] }, [conv1.out], 'maxpool');
}

/**
 * Global pool, then the classifier. The authors' releases build the final Linear without a bias
 * (megvii ShuffleNet-Series), so it has none here either. Ends with the Output node.
 */
export function classifierHead(g: GraphBuilder, x: PortRef, classes: number, dropout?: number): void {
  const pooled = g.add('GlobalAvgPool', {}, [x], 'globalpool');
  let flat = g.add('Flatten', {}, [pooled], 'flatten');
  if (dropout !== undefined) flat = g.add('Dropout', { p: dropout }, [flat], 'dropout');
  const fc = g.add('Linear', { outFeatures: classes, bias: false }, [flat], 'fc');
  g.output(fc);
}
