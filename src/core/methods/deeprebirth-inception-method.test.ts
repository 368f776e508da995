import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import type { Design, PortRef } from '../design/design-types';
import { inceptionMerge, readInception, slimReductions } from './deeprebirth-inception-method';

const idOf = (d: Design, label: string): string => d.nodes.find((n) => n.label === label)?.id ?? '';
const widthOf = (d: Design, label: string): number | undefined =>
  (d.nodes.find((n) => n.label === label)?.params as { outChannels?: number } | undefined)?.outChannels;

interface Widths {
  readonly w1: number;
  readonly r3: number;
  readonly w3: number;
  readonly r5: number;
  readonly w5: number;
  readonly proj: number;
}
/** GoogLeNet, Table 1 (Szegedy et al. 2015), inception (3a): 192×28×28 in. */
const T3A: Widths = { w1: 64, r3: 96, w3: 128, r5: 16, w5: 32, proj: 32 };
const CIN = 192;
const HW = 28 * 28;

/** An inception module as in GoogLeNet: every conv with a bias and a ReLU; Input → module → Output. */
function inception(w: Widths = T3A, pool: object = {}): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: CIN, height: 28, width: 28 }, [], 'input');
  const conv = (c: number, k: number, input: PortRef, label: string, more: object = {}): PortRef => {
    const p = (k - 1) / 2;
    const n = g.add(
      'Conv2d',
      { outChannels: c, kernel: [k, k], padding: [p, p], bias: true, ...more },
      [input],
      label,
    );
    return g.add('ReLU', {}, [n], `relu_${label}`);
  };
  const p = g.add('MaxPool', { kernel: [3, 3], stride: [1, 1], padding: [1, 1], ...pool }, [x], 'pool');
  const b = [
    conv(w.w1, 1, x, '1x1'),
    conv(w.w3, 3, conv(w.r3, 1, x, '3x3_reduce'), '3x3'),
    conv(w.w5, 5, conv(w.r5, 1, x, '5x5_reduce'), '5x5'),
    conv(w.proj, 1, p, 'pool_proj'),
  ];
  g.output(g.add('Concat', { inputs: 4 }, b, 'inception_3a'));
  return g.design('inception');
}

/** Weights (no biases) of an inception module of these widths: Σ Cin·Cout·k² over its convs. */
const weights = (w: Widths): number =>
  CIN * w.w1 + CIN * w.r3 + w.r3 * 9 * w.w3 + CIN * w.r5 + w.r5 * 25 * w.w5 + CIN * w.proj;
const biases = (w: Widths): number => w.w1 + w.r3 + w.w3 + w.r5 + w.w5 + w.proj;

/**
 * Memory access as docs/costs.md defines it: a conv reads its input and weights and bias and writes
 * its output; a ReLU, a pool and a Concat read and write their maps.
 */
function memoryAccess(w: Widths): number {
  const conv = (cin: number, cout: number, k: number): number =>
    cin * HW + cout * HW + cin * cout * k * k + cout + 2 * cout * HW; // with its ReLU
  const out = w.w1 + w.w3 + w.w5 + w.proj;
  return (
    (w.w1 > 0 ? conv(CIN, w.w1, 1) : 0) +
    conv(CIN, w.r3, 1) +
    conv(w.r3, w.w3, 3) +
    conv(CIN, w.r5, 1) +
    conv(w.r5, w.w5, 5) +
    (w.proj > 0 ? 2 * CIN * HW + conv(CIN, w.proj, 1) : 0) +
    2 * out * HW
  );
}

describe('GoogLeNet inception (3a), as Szegedy et al. Table 1 counts it', () => {
  it('159K params and 128M ops: 163,328 weights (+ 368 biases), 784 · 163,328 multiply-adds', () => {
    const t = analyze(inception()).totals;
    expect(weights(T3A)).toBe(163_328);
    expect(Math.floor(weights(T3A) / 1024)).toBe(159); // Table 1: "159K"
    expect(t.params).toBe(163_328 + 368);
    expect(t.multiplyAdds).toBe(HW * 163_328);
    expect(Math.round(t.multiplyAdds / 1e6)).toBe(128); // Table 1: "128M"
    expect(t.memoryAccess).toBe(memoryAccess(T3A));
  });

  it('reads its four branches: 1×1, reduce → 3×3, reduce → 5×5, pool → proj', () => {
    const d = inception();
    const r = readInception(d, idOf(d, 'inception_3a'));
    if (!r.ok) throw new Error(r.error);
    expect(r.branches.map((b) => [b.role, b.top.label, b.reduce?.label])).toEqual([
      ['pointwise', '1x1', undefined],
      ['kernel', '3x3', '3x3_reduce'],
      ['kernel', '5x5', '5x5_reduce'],
      ['pool', 'pool_proj', undefined],
    ]);
  });
});

// Li et al. 2018, branch slimming: the 1×1 branch and the non-tensor pool branch merge into the
// larger-kernel branches, which take their output channels, so the module stays 256 wide.
const MERGED: Widths = { w1: 0, r3: 96, w3: 64 + 128, r5: 16, w5: 32 + 32, proj: 0 };

describe('DeepRebirth inception merge', () => {
  it('3a: the 3×3 grows to 64 + 128 = 192, the 5×5 to 32 + 32 = 64; the 1×1 and pool branches go', () => {
    const d = inception();
    const r = inceptionMerge(d, idOf(d, 'inception_3a'));
    if (!r.ok) throw new Error(r.error);
    expect(r.removed).toEqual(['pool', '1x1', 'relu_1x1', 'pool_proj', 'relu_pool_proj']);
    expect(r.resized).toEqual([
      { label: '3x3', before: 128, after: 192 },
      { label: '5x5', before: 32, after: 64 },
    ]);
    expect(widthOf(r.design, '3x3')).toBe(192);
    expect(widthOf(r.design, '5x5')).toBe(64);
    const a = analyze(r.design);
    expect(a.layers.find((l) => l.key === idOf(d, 'inception_3a'))?.outputShapes[0]).toEqual([
      1, 256, 28, 28,
    ]);
    expect(r.before.params).toBe(weights(T3A) + biases(T3A));
    expect(weights(MERGED)).toBe(CIN * 96 + 96 * 9 * 192 + CIN * 16 + 16 * 25 * 64);
    expect(r.after.params).toBe(weights(MERGED) + biases(MERGED));
    expect(biases(MERGED)).toBe(biases(T3A)); // the same filters in all
    expect(r.before.multiplyAdds).toBe(HW * weights(T3A));
    expect(r.after.multiplyAdds).toBe(HW * 212_992);
    expect(r.after.memoryAccess).toBe(memoryAccess(MERGED));
    // The Concat joins two branches now, in the old order: 3×3 (channels 0–191), then 5×5.
    const ins = r.design.edges.filter((e) => e.to.node === idOf(d, 'inception_3a'));
    expect(
      ins.map((e) => [e.to.port, r.design.nodes.find((n) => n.id === e.from.node)?.label]).sort(),
    ).toEqual([
      [0, 'relu_3x3'],
      [1, 'relu_5x5'],
    ]);
  });

  it('the grown convs start afresh (the paper retrains them); the reductions keep their weights', () => {
    const d = inception();
    const convs = ['1x1', '3x3_reduce', '3x3', '5x5_reduce', '5x5', 'pool_proj'];
    const layers = Object.fromEntries(convs.map((l) => [idOf(d, l), { weight: new Float32Array(4) }]));
    const r = inceptionMerge({ ...d, weights: { source: 'test', layers } }, idOf(d, 'inception_3a'));
    if (!r.ok) throw new Error(r.error);
    const kept = Object.keys(r.design.weights?.layers ?? {});
    expect(kept.sort()).toEqual([idOf(d, '3x3_reduce'), idOf(d, '5x5_reduce')].sort());
    expect(r.design.weights?.layers[idOf(d, '3x3_reduce')]).toBe(layers[idOf(d, '3x3_reduce')]);
  });

  it('with one larger-kernel branch the Concat goes too, and the module keeps its width', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 16, height: 8, width: 8 }, [], 'input');
    const a = g.add('Conv2d', { outChannels: 8, kernel: [1, 1], padding: [0, 0] }, [x], 'a');
    const red = g.add('Conv2d', { outChannels: 4, kernel: [1, 1], padding: [0, 0] }, [x], 'red');
    const big = g.add('Conv2d', { outChannels: 12, kernel: [3, 3] }, [red], 'big');
    g.output(g.add('ReLU', {}, [g.add('Concat', { inputs: 2 }, [a, big], 'cat')], 'after'));
    const d = g.design('two');
    const r = inceptionMerge(d, idOf(d, 'cat'));
    if (!r.ok) throw new Error(r.error);
    expect(r.removed).toEqual(['a', 'cat']);
    expect(widthOf(r.design, 'big')).toBe(20);
    expect(r.after.params).toBe(16 * 4 + 4 * 9 * 20);
    expect(r.after.multiplyAdds).toBe(64 * (16 * 4 + 4 * 9 * 20));
    const after = analyze(r.design).layers.find((l) => l.key === idOf(d, 'after'));
    expect(after?.outputShapes[0]).toEqual([1, 20, 8, 8]);
  });

  it('refuses, in one sentence naming the node: no Concat, a strided branch, nothing left to merge', () => {
    const d = inception();
    const none = inceptionMerge(d, idOf(d, '3x3'));
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error).toContain(idOf(d, '3x3'));
    const strided = inception(T3A, { stride: [2, 2], padding: [1, 1] });
    const s = inceptionMerge(strided, idOf(strided, 'inception_3a'));
    expect(s.ok).toBe(false);
    if (!s.ok) {
      expect(s.error).toContain('inception_3a');
      expect(s.error).toContain('relu_pool_proj');
      expect(s.error.split('. ').length).toBe(1);
    }
    const once = inceptionMerge(d, idOf(d, 'inception_3a'));
    if (!once.ok) throw new Error(once.error);
    const twice = inceptionMerge(once.design, idOf(d, 'inception_3a'));
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error).toContain('merged already');
  });

  it('refuses branches that read different tensors', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 16, height: 8, width: 8 }, [], 'input');
    const y = g.add('ReLU', {}, [x], 'y');
    const z = g.add('Conv2d', { outChannels: 4, kernel: [1, 1], padding: [0, 0] }, [y], 'z');
    const a = g.add('Conv2d', { outChannels: 8, kernel: [1, 1], padding: [0, 0] }, [x], 'a');
    const b = g.add('Conv2d', { outChannels: 8 }, [x], 'b');
    g.output(g.add('Concat', { inputs: 3 }, [a, b, z], 'cat'));
    g.output(y, 'side');
    const d = g.design('apart');
    const r = inceptionMerge(d, idOf(d, 'cat'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('the tensor the other branches read');
  });
});

// Slimming: the 1×1 reductions before the 3×3 and 5×5 keep a fraction of their width.
describe('DeepRebirth slimming of the reductions', () => {
  it('merged 3a with its reductions halved: 96 → 48, 16 → 8, half of every merged branch', () => {
    const d = inception();
    const m = inceptionMerge(d, idOf(d, 'inception_3a'));
    if (!m.ok) throw new Error(m.error);
    const r = slimReductions(m.design, idOf(d, 'inception_3a'), 0.5);
    if (!r.ok) throw new Error(r.error);
    expect(r.resized).toEqual([
      { label: '3x3_reduce', before: 96, after: 48 },
      { label: '5x5_reduce', before: 16, after: 8 },
    ]);
    const slim: Widths = { ...MERGED, r3: 48, r5: 8 };
    expect(weights(slim)).toBe(CIN * 48 + 48 * 9 * 192 + CIN * 8 + 8 * 25 * 64);
    expect(weights(slim)).toBe(106_496); // every weight of a merged branch is linear in its reduction
    expect(r.after.params).toBe(106_496 + 48 + 192 + 8 + 64);
    expect(r.after.multiplyAdds).toBe(HW * 106_496);
    expect(r.after.memoryAccess).toBe(memoryAccess(slim));
  });

  it('slims an unmerged module too; the reduction and the conv reading it start afresh', () => {
    const d = inception();
    const convs = ['1x1', '3x3_reduce', '3x3', '5x5_reduce', '5x5', 'pool_proj'];
    const layers = Object.fromEntries(convs.map((l) => [idOf(d, l), { weight: new Float32Array(4) }]));
    const r = slimReductions({ ...d, weights: { source: 'test', layers } }, idOf(d, 'inception_3a'), 0.25);
    if (!r.ok) throw new Error(r.error);
    const slim: Widths = { ...T3A, r3: 24, r5: 4 };
    expect(r.after.params).toBe(weights(slim) + biases(slim));
    expect(r.after.multiplyAdds).toBe(HW * weights(slim));
    expect(Object.keys(r.design.weights?.layers ?? {}).sort()).toEqual(
      [idOf(d, '1x1'), idOf(d, 'pool_proj')].sort(),
    );
  });

  it('refuses a fraction outside (0, 1) and a module without reductions', () => {
    const d = inception();
    for (const keep of [0, 1, 1.5, Number.NaN]) {
      const r = slimReductions(d, idOf(d, 'inception_3a'), keep);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain('above 0 and below 1');
    }
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 16, height: 8, width: 8 }, [], 'input');
    const a = g.add('Conv2d', { outChannels: 8, kernel: [1, 1], padding: [0, 0] }, [x], 'a');
    const b = g.add('Conv2d', { outChannels: 8 }, [x], 'b');
    g.output(g.add('Concat', { inputs: 2 }, [a, b], 'cat'));
    const plain = g.design('plain');
    const r = slimReductions(plain, idOf(plain, 'cat'), 0.5);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('no 1×1 reduction');
  });
});
