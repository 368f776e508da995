import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/**
 * Zhang et al. 2018 (zero-memory-overhead direct convolution): lowered to im2col + GEMM, a k×k conv
 * first copies every input patch into a (Cin/g)·kh·kw × H'W' buffer, k² times its input; a direct
 * conv needs none. The baseline is a 1×1 stride-1 conv, a GEMM on its input as it lies, which needs
 * no buffer either way. ResNet's conv2_x shape: 64 channels at 56×56.
 */
export const directConvExample: ExampleDef = {
  name: 'direct_conv_vs_im2col',
  method: 'Zero-memory-overhead direct convolution',
  surveyRef: 133,
  level: 'kernel',
  shows:
    'a 3×3 conv at 56×56×64 needs a 9×-its-input im2col buffer, the 1×1 beside it none; peak memory under each lowering',
  build: () =>
    sideBySide(
      'Direct conv vs im2col',
      { channels: 64, height: 56, width: 56 },
      (g, x) => g.add('Conv2d', { outChannels: 64, kernel: [1, 1], padding: [0, 0] }, [x], 'conv1x1'),
      (g, x) => g.add('Conv2d', { outChannels: 64 }, [x], 'conv_k'),
    ),
};
