import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import type { Design } from '../design/design-types';
import { presets } from '../presets/preset-registry';
import { fireNet, opZoo } from '../../../test-support/onnx-designs';
import { exportDesign, type ExportOptions } from './export/onnx-export';
import { countFile } from '../../../test-support/onnx-count';
import { readModel } from './ir/read';
import { checkStructure } from '../../../test-support/onnx-structure';

function exported(design: Design, options: ExportOptions = {}) {
  const r = exportDesign(design, options);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r;
}

function figuresOf(bytes: Uint8Array) {
  const read = readModel(bytes);
  if (!read.ok) throw new Error(read.error);
  return countFile(read.graph);
}

const designs: [string, () => Design][] = [
  ['op zoo', opZoo],
  ['fire net', fireNet],
  ...presets.map((p): [string, () => Design] => [`preset ${p.name}`, () => p.build()]),
];

describe('export', () => {
  it.each(designs)(
    '%s: the file counts the same params, multiply-adds and conv/FC memory access',
    (_n, build) => {
      const design = build();
      const a = analyze(design);
      const r = exported(design, { shift: 'slice' });
      const f = figuresOf(r.bytes);
      expect(f.params).toBe(a.totals.params);
      expect(f.buffers).toBe(a.totals.buffers);
      expect(f.multiplyAdds).toBe(a.totals.multiplyAdds);
      expect(f.memoryAccessConvFc).toBe(a.totals.memoryAccessConvFc);
    },
  );

  it.each(designs)('%s: structurally valid ONNX', (_n, build) => {
    expect(checkStructure(exported(build()).model)).toEqual([]);
  });

  it('is byte-identical for the same design and seed, different for another seed', () => {
    const a = exported(opZoo(), { seed: 7 }).bytes;
    const b = exported(opZoo(), { seed: 7 }).bytes;
    const c = exported(opZoo(), { seed: 8 }).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('names nodes after the design labels and records producer and design name in metadata', () => {
    const r = exported(fireNet());
    const names = (r.model.graph?.node ?? []).map((n) => n.name);
    expect(names).toContain('fire2/squeeze1x1');
    expect(names).toContain('conv1');
    expect(r.model.producerName).toBe('Compact Studio');
    expect(r.model.metadataProps?.find((m) => m.key === 'compact-studio.design')?.value).toBe('fire net');
    expect(r.model.graph?.output?.map((o) => o.name)).toEqual(['logits']);
  });

  it('writes standard ops only', () => {
    const ops = new Set((exported(opZoo()).model.graph?.node ?? []).map((n) => n.opType));
    const allowed = [
      'Conv',
      'BatchNormalization',
      'Relu',
      'Clip',
      'HardSwish',
      'HardSigmoid',
      'Sigmoid',
      'Mul',
      'Add',
      'Concat',
      'Reshape',
      'Transpose',
      'Split',
      'MaxPool',
      'AveragePool',
      'GlobalAveragePool',
      'Flatten',
      'Gemm',
      'Softmax',
      'Pad',
      'Slice',
      'Identity',
    ];
    for (const op of ops) expect(allowed).toContain(op);
  });

  it('folds batch norm on request: fewer params (γ, β gone), same multiply-adds', () => {
    const design = opZoo();
    const a = analyze(design);
    const f = figuresOf(exported(design, { foldBatchNorm: true, shift: 'slice' }).bytes);
    expect(f.multiplyAdds).toBe(a.totals.multiplyAdds);
    expect(f.buffers).toBe(0);
    const ops = (exported(design, { foldBatchNorm: true }).model.graph?.node ?? []).map((n) => n.opType);
    expect(ops).not.toContain('BatchNormalization');
  });

  it('writes shift as a one-hot depthwise conv by default: the one stated exception to equal figures', () => {
    const design = opZoo();
    const a = analyze(design);
    const r = exported(design);
    expect(r.model.metadataProps?.find((m) => m.key === 'compact-studio.shift')?.value).toMatch(
      /depthwise conv/,
    );
    const f = figuresOf(r.bytes);
    const shifts = a.layers.filter((l) => l.op === 'Shift' || l.op === 'SparseShift');
    const weights = shifts.reduce((s, l) => s + (l.inputShapes[0]?.[1] ?? 0) * 9, 0);
    expect(f.params - a.totals.params).toBe(weights);
    const node = (name: string) => f.nodes.find((n) => n.name === name);
    expect(shifts.every((l) => (node(l.name)?.multiplyAdds ?? 0) > 0)).toBe(true);
    const extra = shifts.reduce((s, l) => s + (node(l.name)?.multiplyAdds ?? 0), 0);
    expect(f.multiplyAdds - extra).toBe(a.totals.multiplyAdds);
  });

  it('refuses opsets out of range and designs with errors', () => {
    expect(exportDesign(opZoo(), { opset: 12 }).ok).toBe(false);
    expect(exportDesign(opZoo(), { opset: 99 }).ok).toBe(false);
    const bad = opZoo();
    const broken = { ...bad, edges: bad.edges.slice(1) };
    const r = exportDesign(broken);
    expect(r.ok).toBe(false);
  });
});
