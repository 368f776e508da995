import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/**
 * A per-channel shift mask set by hand, as SSL's training would leave one (Chen et al. 2019: an L1
 * penalty on the shifts drives most to zero): `moved` of `channels` channels spread evenly, the k-th
 * moving one taking the k-th of the 3×3 neighbourhood's 8 non-centre offsets in turn; the rest stay
 * (offset 4, the centre). Offsets are row-major indices into the 3×3 neighbourhood.
 */
export function spreadShiftMask(channels: number, moved: number): number[] {
  const around = [0, 1, 2, 3, 5, 6, 7, 8];
  let k = 0;
  return Array.from({ length: channels }, (_, i) =>
    Math.floor(((i + 1) * moved) / channels) > Math.floor((i * moved) / channels)
      ? (around[k++ % 8] ?? 4)
      : 4,
  );
}

/** The share of a 3×3 mask's channels that move. */
export const movedShare = (shifts: readonly number[]): number =>
  shifts.length === 0 ? 0 : shifts.filter((i) => i !== 4).length / shifts.length;

/**
 * Chen et al. 2019 (sparse shift layer): between two 1×1 convs, a shift that moves every channel
 * beside a sparse shift whose per-channel mask (stored in the design, set by hand) moves 16 of the
 * 64: the same params and multiply-adds, and the shift's memory traffic drops to 2·16·HW.
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
        const s = g.add('SparseShift', { kernel: 3, shifts: spreadShiftMask(64, 16) }, [a], 'sparse_shift');
        return g.add('Conv2d', { outChannels: 64, kernel: [1, 1], padding: [0, 0] }, [s], 'sparse_out');
      },
    ),
};
