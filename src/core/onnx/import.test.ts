import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { serializeDesign, parseDesign } from '../document/format';
import type { Design } from '../design/design-types';
import { presets } from '../presets/preset-registry';
import { examples } from '../examples/example-registry';
import { GraphBuilder } from '../design/builder';
import { limits } from '../limits';
import { fireNet, opZoo } from '../../../test-support/onnx-designs';
import { exportDesign, type ExportOptions } from './export/onnx-export';
import { importModel } from './import/import';
import { countFile } from '../../../test-support/onnx-count';
import { readModel } from './ir/read';
import { pb } from './proto';

const exportedModel = (bytes: Uint8Array) => pb.ModelProto.decode(bytes);

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

/** Every name the file holds: graph, nodes, tensors, initializers, inputs and outputs. */
function namesOf(bytes: Uint8Array): string[] {
  const r = exportedModel(bytes);
  const g = r.graph;
  return [
    g?.name ?? '',
    ...(g?.node ?? []).flatMap((n) => [n.name ?? '', ...(n.input ?? []), ...(n.output ?? [])]),
    ...[...(g?.initializer ?? []), ...(g?.input ?? []), ...(g?.output ?? []), ...(g?.valueInfo ?? [])].map(
      (v) => v.name ?? '',
    ),
  ];
}

const everyDesign: [string, () => Design][] = [
  ...presets.map((p): [string, () => Design] => [`preset ${p.name}`, () => p.build()]),
  ...examples.map((e): [string, () => Design] => [`example ${e.name}`, () => e.build()]),
];

describe('every preset and example through our ONNX export and back', () => {
  it.each(everyDesign)(
    '%s: every name is within the limit, and it imports back with the same params and multiply-adds',
    (_n, build) => {
      const design = build();
      const bytes = bytesOf(design);
      const long = namesOf(bytes).filter((n) => n.length > limits.maxNameLength);
      expect(long.map((n) => `${n.slice(0, 40)}… (${n.length})`)).toEqual([]);
      const r = importModel(bytes);
      if (!r.ok) throw new Error(r.error);
      const want = analyze(design).totals;
      const got = analyze(r.design).totals;
      // The counts here are the design's own; the import must give back the same numbers.
      expect([got.params, got.multiplyAdds]).toEqual([want.params, want.multiplyAdds]);
    },
  );
});

describe('names at the limit', () => {
  it('two layers labelled with 1,024 characters export names the import accepts, still unique', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', {}, [], 'image');
    const a = g.add('Conv2d', { outChannels: 8 }, [x], 'c'.repeat(limits.maxNameLength));
    const b = g.add('Conv2d', { outChannels: 8 }, [a], `${'c'.repeat(limits.maxNameLength - 1)}d`);
    g.output(b);
    const design = g.design('long names');
    const bytes = bytesOf(design);
    const names = namesOf(bytes);
    expect(Math.max(...names.map((n) => n.length))).toBeLessThanOrEqual(limits.maxNameLength);
    const inits = exportedModel(bytes).graph?.initializer?.map((t) => t.name) ?? [];
    expect(new Set(inits).size).toBe(inits.length);
    const r = importModel(bytes);
    expect(r.ok ? analyze(r.design).totals.params : r.error).toBe(analyze(design).totals.params);
  });
});

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
