import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/**
 * Ioannou et al. 2016 learn a basis of small filters of mixed shapes and combine it by a 1×1 conv.
 * Here 16 horizontal 1×3 and 16 vertical 3×1 basis filters over 64 channels at 32×32, combined
 * into 64 outputs, beside the dense 3×3 conv they replace.
 */
export const basisFiltersExample: ExampleDef = {
  name: 'basis_filters_vs_conv3x3',
  method: 'Low-rank basis filters (Ioannou et al.)',
  surveyRef: 134,
  level: 'kernel',
  shows:
    '16 1×3 + 16 3×1 basis filters and a 1×1 combination (8,192 weights) beside a dense 3×3 conv (36,864)',
  build: () =>
    sideBySide(
      'Basis filters vs 3×3 conv',
      { channels: 64, height: 32, width: 32 },
      (g, x) => g.add('Conv2d', { outChannels: 64 }, [x], 'conv3x3'),
      (g, x) =>
        g.add('BasisFilters', { outChannels: 64, kernel: 3, horizontal: 16, vertical: 16 }, [x], 'basis'),
    ),
};
