import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/**
 * Park et al. 2017 (direct sparse convolution) compute a conv with a pruned weight straight from
 * its CSR form: nnz·H'W' multiply-adds. Shown on AlexNet's conv3 shape (256 → 384, 3×3, 13×13)
 * with 30 % of the weights kept, beside the same conv dense.
 */
export const directSparseExample: ExampleDef = {
  name: 'direct_sparse_vs_dense',
  method: 'Direct sparse convolution',
  surveyRef: 132,
  level: 'kernel',
  shows:
    "AlexNet conv3's shape at density 0.3: effective multiply-adds nnz·H'W' and CSR storage beside the dense conv",
  build: () =>
    sideBySide(
      'Direct sparse conv vs dense conv',
      { channels: 256, height: 13, width: 13 },
      (g, x) => g.add('Conv2d', { outChannels: 384, bias: true }, [x], 'dense_conv3'),
      (g, x) => g.add('Conv2d', { outChannels: 384, bias: true, density: 0.3 }, [x], 'sparse_conv3'),
    ),
};
