import { GraphBuilder } from '../core/design/builder';
import type { Design } from '../core/design/design-types';
import { i18next } from '../i18n';

/** A small SqueezeNet-like network, for when no preset is available. */
export function sampleDesign(): Design {
  const g = new GraphBuilder();
  const input = g.add('Input', { channels: 3, height: 224, width: 224 }, [], 'input');
  const conv = g.add(
    'Conv2d',
    { outChannels: 64, kernel: [3, 3], stride: [2, 2], padding: [1, 1] },
    [input],
    'stem',
  );
  const bn = g.add('BatchNorm', {}, [conv], 'stem_bn');
  const relu = g.add('ReLU', {}, [bn], 'stem_relu');
  const pool = g.add('MaxPool', { kernel: [3, 3], stride: [2, 2], padding: [1, 1] }, [relu], 'pool');
  const fire1 = g.add('Fire', { squeeze: 16, expand1x1: 64, expand3x3: 64 }, [pool], 'fire1');
  const fire2 = g.add('Fire', { squeeze: 16, expand1x1: 64, expand3x3: 64 }, [fire1], 'fire2');
  const head = g.add(
    'Conv2d',
    { outChannels: 1000, kernel: [1, 1], padding: [0, 0], bias: true },
    [fire2],
    'classifier',
  );
  const gap = g.add('GlobalAvgPool', {}, [head], 'gap');
  g.output(g.add('Flatten', {}, [gap], 'flatten'));
  return g.design(i18next.t('actions:sample.name'));
}
