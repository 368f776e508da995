import { describe, expect, it } from 'vitest';
import { fuzz, outcomeTable } from './run';

/**
 * A short, deterministic run of the fuzzer in `npm test`: 200 generated inputs (ONNX bytes and
 * structure, design documents, share links), each in a worker with time and memory limits. Every
 * case must end as a design every command accepts or one clean line; `npm run fuzz` runs longer.
 */
describe('fuzzing', () => {
  it('200 seeded cases: no crash, hang, memory blow-up, bare message or disagreement', async () => {
    const report = await fuzz({ cases: 200, seed: 20_240_601 });
    const total = [...report.counts.values()].reduce(
      (a, row) => a + [...row.values()].reduce((x, y) => x + y, 0),
      0,
    );
    expect(total).toBe(200);
    expect(
      report.bad.map((b) => `case ${b.index} (${b.kind}): ${b.outcome}: ${b.detail}`),
      outcomeTable(report),
    ).toEqual([]);
  }, 180_000);
});
