import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import { checkRuns } from '../../../test-support/ort';
import { exportDesign } from './export/onnx-export';
import { encodeModel } from './proto';
import { importModel } from './import/import';
import { readModel } from './ir/read';
import { META } from './version';

function sparseNet(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 8, height: 10, width: 10 }, [], 'input');
  const c = g.add('Conv2d', { outChannels: 16, density: 0.3, bias: true }, [x], 'sparse_conv');
  const r = g.add('ReLU', {}, [c], 'relu');
  const p = g.add('GlobalAvgPool', {}, [r], 'pool');
  const f = g.add('Flatten', {}, [p], 'flatten');
  g.output(g.add('Linear', { outFeatures: 10, density: 0.2 }, [f], 'sparse_fc'), 'logits');
  return g.design('sparse net');
}

/** Non-zeros of each initializer, read from the file itself. */
function nonZerosInFile(bytes: Uint8Array): Map<string, { nnz: number; size: number }> {
  const read = readModel(bytes);
  if (!read.ok) throw new Error(read.error);
  const out = new Map<string, { nnz: number; size: number }>();
  for (const [name, t] of read.graph.consts)
    if (t.floats !== undefined)
      out.set(name, { nnz: t.floats.filter((v) => v !== 0).length, size: t.floats.length });
  return out;
}

describe('direct sparse conv in ONNX', () => {
  const design = sparseNet();
  const r = exportDesign(design, { seed: 7 });
  if (!r.ok) throw new Error(r.errors.join('; '));

  it('the file holds exactly nnz = round(d·size) non-zeros per sparse weight, dense elsewhere', () => {
    const nz = nonZerosInFile(r.bytes);
    expect(nz.get('sparse_conv.weight')).toEqual({ nnz: Math.round(0.3 * 16 * 8 * 9), size: 16 * 8 * 9 });
    expect(nz.get('sparse_fc.weight')).toEqual({ nnz: Math.round(0.2 * 160), size: 160 });
  });

  it('writes each layer’s density in the metadata', () => {
    const meta = r.model.metadataProps?.find((m) => m.key === META.density)?.value;
    expect(JSON.parse(meta ?? '{}')).toEqual({ sparse_conv: 0.3, sparse_fc: 0.2 });
  });

  it('the seed chooses the mask: another seed, another pattern, same count', () => {
    const other = exportDesign(design, { seed: 8 });
    if (!other.ok) throw new Error('export failed');
    const a = nonZerosInFile(r.bytes).get('sparse_conv.weight');
    const b = nonZerosInFile(other.bytes).get('sparse_conv.weight');
    expect(a).toEqual(b);
    expect(Buffer.from(other.bytes).equals(Buffer.from(r.bytes))).toBe(false);
  });

  it('runs in onnxruntime with every intermediate shape the core’s', async () => {
    await checkRuns(design);
  });

  it('without the metadata, zeros in a weight do not make a layer sparse (other files’ zeros say nothing)', () => {
    const model = { ...r.model, metadataProps: r.model.metadataProps?.filter((m) => m.key !== META.density) };
    const back = importModel(encodeModel(model));
    if (!back.ok) throw new Error(back.error);
    const conv = back.design.nodes.find((n) => n.label === 'sparse_conv');
    expect((conv?.params as { density: number }).density).toBe(1);
  });

  it('import gives back Conv2d and Linear with the density, and the weights re-export unchanged', () => {
    const back = importModel(r.bytes);
    if (!back.ok) throw new Error(back.error);
    const conv = back.design.nodes.find((n) => n.label === 'sparse_conv');
    const fc = back.design.nodes.find((n) => n.label === 'sparse_fc');
    expect(conv?.kind).toBe('Conv2d');
    // The declared density comes back, since round(0.3·1152) is the weight's non-zero count.
    expect((conv?.params as { density: number }).density).toBe(0.3);
    expect((fc?.params as { density: number }).density).toBe(0.2);
    expect(fc?.kind).toBe('Linear');
    const a = analyze(back.design);
    const before = analyze(design);
    const eff = (x: typeof a) => x.layers.map((l) => l.effective?.multiplyAdds ?? null);
    expect(eff(a)).toEqual(eff(before));
    const again = exportDesign(back.design);
    if (!again.ok) throw new Error(again.errors.join('; '));
    const w1 = back.design.weights?.layers[conv?.id ?? '']?.['weight'];
    expect(w1?.filter((v) => v !== 0).length).toBe(Math.round(0.3 * 1152));
    expect(nonZerosInFile(again.bytes).get('sparse_conv.weight')).toEqual(
      nonZerosInFile(r.bytes).get('sparse_conv.weight'),
    );
  });
});
