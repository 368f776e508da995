import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';

/**
 * The small CIFAR-sized network the network-level examples transform: 3×32×32 → conv 32 → BN →
 * ReLU → conv 64 s2 → BN → ReLU → conv 64 → BN → ReLU → pool → fc 10. Labels are stable so
 * examples and their tests can name the nodes.
 */
export function smallCnn(name: string): Design {
  const g = new GraphBuilder();
  let x = g.add('Input', { channels: 3, height: 32, width: 32 }, [], 'input');
  const stage = (label: string, out: number, stride: number): void => {
    const c = g.add('Conv2d', { outChannels: out, stride: [stride, stride] }, [x], label);
    x = g.add('ReLU', {}, [g.add('BatchNorm', {}, [c], `${label}_bn`)], `${label}_relu`);
  };
  stage('conv1', 32, 1);
  stage('conv2', 64, 2);
  stage('conv3', 64, 1);
  const f = g.add('Flatten', {}, [g.add('GlobalAvgPool', {}, [x], 'pool')], 'flatten');
  g.output(g.add('Linear', { outFeatures: 10 }, [f], 'fc'));
  return g.design(name);
}
