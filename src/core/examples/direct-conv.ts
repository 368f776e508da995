import { GraphBuilder } from '../graph/builder';
import type { ExampleDef } from './types';

/**
 * Zhang et al. 2018 (zero-memory-overhead direct convolution): lowered to im2col + GEMM, a 3×3 conv
 * first copies every input patch into a (Cin/g)·kh·kw × H'W' buffer, 9× its input; a direct conv
 * needs none. A 1×1 stride-1 conv is a GEMM already and needs no buffer either way. ResNet's
 * conv2_x shape: 64 channels at 56×56.
 */
export const directConvExample: ExampleDef = {
  name: 'direct_conv_vs_im2col',
  method: 'Zero-memory-overhead direct convolution',
  surveyRef: 133,
  level: 'kernel',
  shows:
    'a 3×3 conv at 56×56×64 needs a 9×-its-input im2col buffer, a 1×1 none; peak memory under each lowering',
  build: () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 64, height: 56, width: 56 }, [], 'input');
    g.output(g.add('Conv2d', { outChannels: 64 }, [x], 'conv3x3'), 'out3x3');
    g.output(g.add('Conv2d', { outChannels: 64, kernel: [1, 1], padding: [0, 0] }, [x], 'conv1x1'), 'out1x1');
    return g.design('Direct conv vs im2col');
  },
};
