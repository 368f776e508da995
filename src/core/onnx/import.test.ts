import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { serializeDesign, parseDesign } from '../document/format';
import type { Design } from '../graph/types';
import { presets } from '../presets/registry';
import { fireNet, opZoo } from '../../../test-support/onnx-designs';
import { exportDesign, type ExportOptions } from './export/export';
import { importModel } from './import/import';
import { countFile } from '../../../test-support/onnx-count';
import { readModel } from './ir/read';

function bytesOf(design: Design, options: ExportOptions = {}): Uint8Array {
  const r = exportDesign(design, options);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.bytes;
}

function imported(bytes: Uint8Array, blocks = true): Design {
  const r = importModel(bytes, { blocks });
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

const figures = (d: Design) => {
  const a = analyze(d);
  expect(a.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  const { params, buffers, multiplyAdds, memoryAccessConvFc, memoryAccess } = a.totals;
  return { params, buffers, multiplyAdds, memoryAccessConvFc, memoryAccess, peak: a.activations.peak };
};

const designs: [string, () => Design][] = [
  ['op zoo', opZoo],
  ['fire net', fireNet],
  ...presets.map((p): [string, () => Design] => [`preset ${p.name}`, () => p.build()]),
];

describe('import of our own export', () => {
  it.each(designs)('%s: gives back the design’s figures', (_n, build) => {
    const design = build();
    const back = imported(bytesOf(design));
    expect(figures(back)).toEqual(figures(design));
  });

  it.each(designs)('%s: export → import → export is stable', (_n, build) => {
    const first = bytesOf(build());
    const second = bytesOf(imported(first));
    const third = bytesOf(imported(second));
    expect(Buffer.from(third).equals(Buffer.from(second))).toBe(true);
    const a = readModel(first);
    const b = readModel(second);
    if (!a.ok || !b.ok) throw new Error('unreadable');
    const fa = countFile(a.graph);
    const fb = countFile(b.graph);
    expect([fb.params, fb.multiplyAdds, fb.memoryAccessConvFc]).toEqual([
      fa.params,
      fa.multiplyAdds,
      fa.memoryAccessConvFc,
    ]);
  });

  it('keeps the weights through design.json and back out', () => {
    const first = bytesOf(fireNet(), { seed: 3 });
    const design = imported(first);
    const loaded = parseDesign(serializeDesign(design));
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    const again = bytesOf(loaded.design, { seed: 99 });
    const w = (bytes: Uint8Array) => {
      const r = readModel(bytes);
      if (!r.ok) throw new Error(r.error);
      return [...r.graph.consts.values()]
        .filter((c) => c.floats !== undefined)
        .map((c) => Array.from(c.floats ?? []));
    };
    expect(w(again)).toEqual(w(first));
  });
});
