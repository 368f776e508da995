import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analysis/analyze';
import type { Design } from '../core/design/design-types';
import { parseDesign } from '../core/document/format';
import { cliInMemory } from '../../test-support/cli';

/**
 * `train --learn-shifts [λ]` (sparse shift learning, Chen et al. 2019) on the committed
 * Fashion-MNIST subset: a small CNN whose depthwise conv is a SparseShift over 36 channels at 14×14.
 * Displacements start at Shift's grouped assignment, ⌊36/9⌋ = 4 channels per offset of the 3×3
 * neighbourhood, so 8 · 4 = 32 move; a λ whose shrink passes 1 in the run sends every one back to
 * the centre. The design written carries the learned mask, and its cost follows it (2 · moved · 14²).
 */
const design = readFileSync(join(__dirname, '../../fixtures/train/sparse-shift-cnn.json'), 'utf8');
const small = readFileSync(join(__dirname, '../../fixtures/train/small-cnn.json'), 'utf8');

interface Out {
  readonly lambda: number;
  readonly shifts: readonly { node: string; moved: number; channels: number; mask: number[] }[];
}

async function learn(extra: readonly string[]) {
  const r = await cliInMemory(
    [
      'train',
      'shift.json',
      '--dataset',
      'fashion-mnist',
      '--steps',
      '20',
      '--batch',
      '16',
      '--train-images',
      '320',
      '--eval-images',
      '64',
      '--seed',
      '3',
      ...extra,
      '--json',
      '-o',
      'out.json',
    ],
    { 'shift.json': design },
  );
  expect(r.err).toBe('');
  const out = JSON.parse(r.out) as Out;
  const saved = parseDesign(String(r.written['out.json']));
  if (!saved.ok) throw new Error(saved.errors.join('; '));
  return { out, written: saved.design };
}

const shiftCost = (d: Design): number | undefined =>
  analyze(d).layers.find((l) => l.op === 'SparseShift')?.cost.memoryAccess;

describe('train --learn-shifts', () => {
  it('λ = 0 keeps the grouped start: 32 of 36 channels shifted, mask written', async () => {
    const { out, written } = await learn(['--learn-shifts', '0']);
    expect(out.lambda).toBe(0);
    expect(out.shifts).toHaveLength(1);
    const [m] = out.shifts;
    expect(m).toMatchObject({ node: 'shift2', moved: 32, channels: 36 });
    const node = written.nodes.find((n) => n.kind === 'SparseShift');
    expect(node?.params).toMatchObject({ shifts: m?.mask });
    expect(shiftCost(written)).toBe(2 * 32 * 14 * 14);
  }, 300000);
  it('a large λ drives every shift to zero: the mask is all centre and the shift costs nothing', async () => {
    const { out, written } = await learn(['--learn-shifts', '5']);
    expect(out.shifts[0]).toMatchObject({ moved: 0, mask: new Array<number>(36).fill(4) });
    expect(shiftCost(written)).toBe(0);
  }, 300000);
  it('refuses a design without a SparseShift node, and a negative λ, in one sentence', async () => {
    const none = await cliInMemory(
      ['train', 'small.json', '--dataset', 'fashion-mnist', '--learn-shifts', '--steps', '1'],
      { 'small.json': small },
    );
    expect(none.status).toBe(1);
    expect(none.err).toBe(
      'error: --learn-shifts needs a SparseShift node in the design: it learns which channels shift\n',
    );
    const negative = await cliInMemory(
      ['train', 'shift.json', '--dataset', 'fashion-mnist', '--learn-shifts', '-1'],
      { 'shift.json': design },
    );
    expect(negative.status).toBe(1);
    expect(negative.err).toBe('error: --learn-shifts takes a penalty λ of 0 or more, not "-1"\n');
  });
});
