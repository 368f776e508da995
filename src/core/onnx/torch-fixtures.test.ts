import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as ort from 'onnxruntime-node';
import { importDesign } from '../../../test-support/onnx-round-trip';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { blockRegistry } from '../blocks/block-registry';
import type { Design } from '../design/design-types';
import { exportDesign } from './export/onnx-export';

/**
 * Files written by a real torch.onnx.export (torch 1.13, torchvision 0.14: node names such as
 * "Conv_12", no module scopes), made by fixtures/torch/make.py (opsets 11, 12, 13, 17) with figures counted in Python
 * from the torch module. Blocks must be found by structure alone, batch norm kept or folded.
 */
const dir = join(__dirname, '../../../fixtures/torch');

interface Expected {
  readonly model: string;
  readonly opset: number;
  readonly batchNormFolded: boolean;
  readonly input: readonly number[];
  readonly params: number;
  readonly multiplyAdds: number;
  readonly memoryAccessConvFc: number;
  readonly blocks: Readonly<Record<string, number>>;
}

const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.onnx.gz'))
  .sort()
  .map((f) => {
    const base = f.slice(0, -'.onnx.gz'.length);
    const expected = JSON.parse(readFileSync(join(dir, `${base}.json`), 'utf8')) as Expected;
    return {
      name: base,
      expected,
      bytes: () => new Uint8Array(gunzipSync(readFileSync(join(dir, `${base}.onnx.gz`)))),
    };
  });

function exported(design: Design): Uint8Array {
  const r = exportDesign(design);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.bytes;
}

const blockCounts = (d: Design): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const n of d.nodes) if (n.kind in blockRegistry) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
  return counts;
};

async function logits(bytes: Uint8Array, shape: readonly number[]): Promise<number[]> {
  const n = shape.reduce((a, b) => a * b, 1);
  const input = new ort.Tensor(
    'float32',
    Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37)),
    [...shape],
  );
  const s = await ort.InferenceSession.create(bytes);
  const out = await s.run({ input });
  await s.release();
  return Array.from(out['logits']?.data as Float32Array);
}

describe('import of real torch.onnx.export files (torch 1.13, no module scopes)', () => {
  it('has the fixtures: four compact models, batch norm kept and folded, at opsets 11, 12, 13 and 17, and three full-width ones', () => {
    expect(fixtures.length).toBe(35);
    expect([...new Set(fixtures.map((f) => f.expected.opset))].sort((a, b) => a - b)).toEqual([
      11, 12, 13, 17,
    ]);
  });

  it.each(fixtures)('$name: figures equal the torch count', ({ expected, bytes }) => {
    const a = analyze(importDesign(bytes()));
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([a.totals.params, a.totals.multiplyAdds, a.totals.memoryAccessConvFc]).toEqual([
      expected.params,
      expected.multiplyAdds,
      expected.memoryAccessConvFc,
    ]);
  });

  it.each(fixtures)('$name: every torchvision block recognised', ({ expected, bytes }) => {
    // torch counted the blocks (make.py): every fixture has some, so a recogniser that finds
    // nothing fails here rather than matching an empty count.
    expect(Object.values(expected.blocks).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const design = importDesign(bytes());
    expect(blockCounts(design)).toEqual(expected.blocks);
    for (const n of design.nodes)
      if ('batchNorm' in n.params) expect(n.params.batchNorm, n.label).toBe(!expected.batchNormFolded);
  });

  it.each(fixtures)(
    '$name: exported again, computes what the torch file computes',
    async ({ expected, bytes }) => {
      const original = bytes();
      const again = exported(importDesign(original));
      const want = await logits(original, expected.input);
      const got = await logits(again, expected.input);
      expect(got).toHaveLength(want.length);
      // The fixtures' weights are sparse but not trivial: the logits carry signal to compare.
      expect(Math.max(...want.map(Math.abs))).toBeGreaterThan(0.05);
      got.forEach((v, i) => {
        expect(v).toBeCloseTo(want[i] ?? NaN, 4);
      });
    },
  );

  it.each(fixtures)('$name: import → export → import is stable', ({ bytes }) => {
    const first = importDesign(bytes());
    const second = exported(first);
    const back = importDesign(second);
    expect(blockCounts(back)).toEqual(blockCounts(first));
    expect(Buffer.from(exported(back)).equals(Buffer.from(second))).toBe(true);
    const t = (d: Design) => analyze(d).totals;
    expect([t(back).params, t(back).multiplyAdds, t(back).memoryAccessConvFc]).toEqual([
      t(first).params,
      t(first).multiplyAdds,
      t(first).memoryAccessConvFc,
    ]);
  });
});
