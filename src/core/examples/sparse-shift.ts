import type { ExampleDef } from './types';
import { sideBySide } from './side-by-side';

/**
 * Chen et al. 2019 (sparse shift layer): between two 1×1 convs, a shift that moves every channel
 * beside one that moves a quarter of them: the same params and multiply-adds, and the shift's
 * memory traffic drops to 2·⌊C/4⌉·HW.
 */
export const sparseShiftExample: ExampleDef = {
  name: 'sparse_shift_vs_shift',
  method: 'Sparse shift layer (SSL)',
  surveyRef: 142,
  level: 'layer',
  shows: '1×1 → shift → 1×1 with all 64 channels moving beside 16 moving: memory access of the shift',
  build: () =>
    sideBySide(
      'Sparse shift vs shift',
      { channels: 64, height: 16, width: 16 },
      (g, x) => {
        const a = g.add('Conv2d', { outChannels: 64, kernel: [1, 1], padding: [0, 0] }, [x], 'full_in');
        const s = g.add('Shift', { kernel: 3 }, [a], 'shift');
        return g.add('Conv2d', { outChannels: 64, kernel: [1, 1], padding: [0, 0] }, [s], 'full_out');
      },
      (g, x) => {
        const a = g.add('Conv2d', { outChannels: 64, kernel: [1, 1], padding: [0, 0] }, [x], 'sparse_in');
        const s = g.add('SparseShift', { kernel: 3, fraction: 0.25 }, [a], 'sparse_shift');
        return g.add('Conv2d', { outChannels: 64, kernel: [1, 1], padding: [0, 0] }, [s], 'sparse_out');
      },
    ),
};
