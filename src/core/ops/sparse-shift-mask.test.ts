import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import { maskShiftGroups } from '../onnx/shift-onnx';

/** A sparse shift over a C×H×W input with the given per-channel mask (3×3, offsets row-major, centre 4). */
function masked(shifts: readonly number[], c = shifts.length, hw = 5) {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: c, height: hw, width: hw }, []);
  g.output(g.add('SparseShift', { shifts }, [x], 'ssl'));
  return analyze(g.design('mask'));
}

// Chen et al. 2019 ("All you need is a few shifts"): each channel its own displacement, most of them
// zero. Memory access touches only the channels that move: 2 × moved channels × H·W.
describe('sparse shift with a per-channel mask', () => {
  it('memory access counts the channels off the centre: 2·moved·H·W', () => {
    const shifts = [4, 0, 4, 4, 8, 1, 4, 4]; // channels 1, 4, 5 move
    const l = masked(shifts).layers.find((x) => x.name === 'ssl');
    expect(l?.cost.memoryAccess).toBe(2 * 3 * 25);
    expect(l?.cost.params).toBe(0);
    expect(l?.cost.multiplyAdds).toBe(0);
  });

  it('the mask replaces the fraction; all-centre moves nothing', () => {
    const l = masked([4, 4, 4, 4]).layers.find((x) => x.name === 'ssl');
    expect(l?.cost.memoryAccess).toBe(0);
  });

  it('groups consecutive channels with one offset, each offset as (dy, dx) row-major', () => {
    expect(maskShiftGroups(3, 1, [0, 0, 4, 8, 8, 5])).toEqual([
      { start: 0, end: 2, dy: -1, dx: -1 },
      { start: 2, end: 3, dy: 0, dx: 0 },
      { start: 3, end: 5, dy: 1, dx: 1 },
      { start: 5, end: 6, dy: 0, dx: 1 },
    ]);
    expect(maskShiftGroups(3, 2, [1, 3])).toEqual([
      { start: 0, end: 1, dy: -2, dx: 0 },
      { start: 1, end: 2, dy: 0, dx: -2 },
    ]);
  });

  it('refuses a mask of the wrong length or an offset outside the neighbourhood, in one sentence', () => {
    const short = masked([4, 4], 3).diagnostics.filter((d) => d.severity === 'error');
    expect(short.map((d) => d.message)).toEqual([
      'The shift mask lists 2 channels; the input has 3: give one offset per channel.',
    ]);
    const far = masked([4, 9]).diagnostics.filter((d) => d.severity === 'error');
    expect(far.map((d) => d.message)).toEqual([
      'The shift mask names offset 9; a 3×3 neighbourhood has offsets 0 to 8.',
    ]);
  });
});
