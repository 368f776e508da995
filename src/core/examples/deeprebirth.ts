import { GraphBuilder } from '../design/builder';
import type { ExampleDef } from './example-types';

/**
 * Li et al. 2018 (DeepRebirth): three conv → BN → ReLU stages at 32×32; the deploy view folds each
 * batch norm into its conv (a bias of C instead of γ, β and 2C buffers) and fuses each ReLU, so
 * only the convs read and write memory.
 */
export const deepRebirthExample: ExampleDef = {
  name: 'deeprebirth_deploy',
  method: 'DeepRebirth, merging non-weight layers into weight layers',
  surveyRef: 139,
  level: 'layer',
  shows: 'the deploy view: batch norm folded into conv biases, ReLUs fused, memory access before and after',
  build: () => {
    const g = new GraphBuilder();
    let x = g.add('Input', { channels: 3, height: 32, width: 32 }, [], 'input');
    [16, 32, 32].forEach((c, i) => {
      const conv = g.add('Conv2d', { outChannels: c }, [x], `conv${i + 1}`);
      x = g.add('ReLU', {}, [g.add('BatchNorm', {}, [conv], `bn${i + 1}`)], `relu${i + 1}`);
    });
    g.output(x);
    return g.design('DeepRebirth deploy view');
  },
};
