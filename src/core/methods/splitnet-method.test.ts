import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import { exportDesign } from '../onnx/export/onnx-export';
import { findPreset } from '../presets/preset-registry';
import { splitDepthChart, splitNetwork, splitTree, type SplitLevel } from './splitnet-method';

/** Input 3×16×16 → conv 16 → BN → ReLU → conv 32 → BN → ReLU → pool → flatten → fc 10. */
function chain(width2 = 32): { design: Design; ids: Record<string, string> } {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 16, width: 16 }, [], 'input');
  const c1 = g.add('Conv2d', { outChannels: 16 }, [x], 'conv1');
  const r1 = g.add('ReLU', {}, [g.add('BatchNorm', {}, [c1], 'bn1')], 'relu1');
  const c2 = g.add('Conv2d', { outChannels: width2 }, [r1], 'conv2');
  const r2 = g.add('ReLU', {}, [g.add('BatchNorm', {}, [c2], 'bn2')], 'relu2');
  const f = g.add('Flatten', {}, [g.add('GlobalAvgPool', {}, [r2], 'pool')], 'flatten');
  g.output(g.add('Linear', { outFeatures: 10 }, [f], 'fc'));
  return { design: g.design('chain'), ids: { relu1: r1.node, flatten: f.node, conv1: c1.node } };
}

const split = (d: Design, at: string, g: number): Design => {
  const r = splitNetwork(d, at, g);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};

describe('SplitNet transform', () => {
  it('before: the closed form of the chain', () => {
    const a = analyze(chain().design);
    expect(a.totals.params).toBe(16 * 3 * 9 + 32 + 32 * 16 * 9 + 64 + 32 * 10 + 10);
    expect(a.totals.multiplyAdds).toBe((16 * 3 * 9 + 32 * 16 * 9) * 256 + 320);
  });

  it('split after relu1 into 2: each conv after reads and writes half; classifier over 5 classes each', () => {
    const { design, ids } = chain();
    const a = analyze(split(design, ids.relu1 ?? '', 2));
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const conv2 = 2 * (16 * 8 * 9);
    const fc = 2 * (16 * 5 + 5);
    expect(a.totals.params).toBe(16 * 3 * 9 + 32 + conv2 + 2 * 32 + fc);
    expect(a.totals.multiplyAdds).toBe((16 * 3 * 9 + conv2) * 256 + 2 * 16 * 5);
    const out = a.layers.find((l) => l.op === 'Output');
    expect(out?.inputShapes[0]).toEqual([1, 10]);
    // The tree: one split, two branches, one concat before the output.
    expect(a.design.nodes.filter((n) => n.kind === 'Conv2d').map((n) => n.label)).toEqual([
      'conv1',
      'conv2_g1',
      'conv2_g2',
    ]);
  });

  it('split at the classifier only: Split → Linear per group → Concat over disjoint class subsets', () => {
    const { design, ids } = chain();
    const a = analyze(split(design, ids.flatten ?? '', 2));
    const fcs = a.layers.filter((l) => l.op === 'Linear');
    expect(fcs.map((l) => [l.inputShapes[0], l.outputShapes[0]])).toEqual([
      [
        [1, 16],
        [1, 5],
      ],
      [
        [1, 16],
        [1, 5],
      ],
    ]);
    expect(a.totals.params).toBe(16 * 3 * 9 + 32 + 32 * 16 * 9 + 64 + 2 * (16 * 5 + 5));
    // 10 classes in 3 groups: subsets of 4, 3 and 3 (48 features, 16 each).
    const wide = chain(48);
    const b = analyze(split(wide.design, wide.ids.flatten ?? '', 3));
    expect(b.layers.filter((l) => l.op === 'Linear').map((l) => l.outputShapes[0]?.[1])).toEqual([4, 3, 3]);
    expect(b.layers.find((l) => l.op === 'Output')?.inputShapes[0]).toEqual([1, 10]);
  });

  it('refuses a split point whose channels do not divide', () => {
    const { design, ids } = chain();
    expect(splitNetwork(design, ids.flatten ?? '', 3)).toMatchObject({
      ok: false,
      error: 'flatten writes 32 channels, which do not split into 3 equal groups.',
    });
  });

  it('says what does not divide, and refuses a split point with a skip around it', () => {
    const odd = chain(30);
    expect(splitNetwork(odd.design, odd.ids.conv1 ?? '', 4)).toMatchObject({
      ok: false,
      error: 'conv2: outChannels = 30 does not split into 4 equal groups.',
    });
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 8, height: 4, width: 4 }, []);
    const c = g.add('Conv2d', { outChannels: 8 }, [x], 'c');
    g.output(g.add('Add', {}, [c, x], 'sum'));
    const d = g.design('skip');
    const r = splitNetwork(d, c.node, 2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/from before the split/);
  });

  it('the split design exports and runs in onnxruntime; the classes come out in order', async () => {
    const { design, ids } = chain();
    const d = split(design, ids.relu1 ?? '', 2);
    const r = exportDesign(d);
    if (!r.ok) throw new Error(r.errors.join('; '));
    const ops = (r.model.graph?.node ?? []).map((n) => n.opType);
    expect(ops.filter((o) => o === 'Split')).toHaveLength(1);
    expect(ops.filter((o) => o === 'Gemm')).toHaveLength(2);
    expect(ops.at(-1)).toBe('Concat');
    const s = await ort.InferenceSession.create(r.bytes);
    const out = await s.run({
      input: new ort.Tensor('float32', new Float32Array(3 * 256).fill(0.5), [1, 3, 16, 16]),
    });
    expect([...(out['output']?.dims ?? [])]).toEqual([1, 10]);
    await s.release();
  });

  it('the chart against split depth: MobileNetV2 split in 2 costs less the earlier the split', () => {
    const design = findPreset('mobilenet_v2')?.build() ?? chain().design;
    const whole = analyze(design).totals;
    const points = splitDepthChart(design, 2);
    expect(points.length).toBeGreaterThan(3);
    for (const p of points) expect(p.params).toBeLessThan(whole.params);
    const first = points[0];
    const last = points.at(-1);
    expect(first?.multiplyAdds).toBeLessThan(last?.multiplyAdds ?? 0);
    expect(first?.params).toBeLessThan(last?.params ?? 0);
  });
});

/** Input 3×16×16 → conv1 16 → BN → ReLU → conv2 32 → BN → ReLU → conv3 32 → BN → ReLU → pool → flatten → fc 10. */
function deep(): { design: Design; at: (label: string) => string } {
  const g = new GraphBuilder();
  let x = g.add('Input', { channels: 3, height: 16, width: 16 }, [], 'input');
  for (const [i, c] of [16, 32, 32].entries()) {
    const conv = g.add('Conv2d', { outChannels: c }, [x], `conv${i + 1}`);
    x = g.add('ReLU', {}, [g.add('BatchNorm', {}, [conv], `bn${i + 1}`)], `relu${i + 1}`);
  }
  const f = g.add('Flatten', {}, [g.add('GlobalAvgPool', {}, [x], 'pool')], 'flatten');
  g.output(g.add('Linear', { outFeatures: 10 }, [f], 'fc'));
  const design = g.design('deep');
  return { design, at: (label) => design.nodes.find((n) => n.label === label)?.id ?? label };
}

/** The paper's rule: a k×k layer split into g disjoint groups holds g blocks of (Cin/g)·(Cout/g)·k². */
const grouped = (cin: number, cout: number, k: number, g: number): number =>
  (cin / g) * (cout / g) * k * k * g;

const tree = (levels: readonly SplitLevel[], assignment?: readonly (readonly number[])[]) => {
  const { design } = deep();
  return splitTree(design, levels, assignment);
};

describe('SplitNet tree: several levels and a class-to-group assignment', () => {
  const d = deep();
  const twoByTwo = [
    { at: d.at('relu1'), groups: 2 },
    { at: d.at('relu2'), groups: 2 },
  ];

  it('2 → 4: conv2 in 2 groups, conv3 in 4, the classifier in 4 leaves over their classes', () => {
    const r = tree(twoByTwo);
    if (!r.ok) throw new Error(r.error);
    const a = analyze(r.design);
    expect(a.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    const conv = 16 * 3 * 9 + grouped(16, 32, 3, 2) + grouped(32, 32, 3, 4);
    // Each leaf reads 32/4 features and scores its own classes: Σ_l 8·|classes_l| = 8·10 weights.
    const fc = (32 / 4) * 10;
    expect(a.totals.params).toBe(conv + 2 * (16 + 32 + 32) + fc + 10);
    expect(a.totals.multiplyAdds).toBe(conv * 256 + fc);
    // The tree on the canvas: one split at level 1, one per branch at level 2, four leaves.
    const labels = (kind: string): string[] =>
      a.design.nodes.filter((n) => n.kind === kind).map((n) => n.label);
    expect(labels('ChannelSplit')).toEqual(['relu1_split', 'relu2_g1_split', 'relu2_g2_split']);
    expect(labels('Conv2d')).toEqual([
      'conv1',
      'conv2_g1',
      'conv2_g2',
      'conv3_g1_1',
      'conv3_g1_2',
      'conv3_g2_1',
      'conv3_g2_2',
    ]);
    // Without an assignment the classes go to the leaves in consecutive runs of ⌈10/4⌉ or ⌊10/4⌋.
    expect(a.design.nodes.find((n) => n.kind === 'ClassMerge')?.params).toEqual({
      classes: [
        [0, 1, 2],
        [3, 4, 5],
        [6, 7],
        [8, 9],
      ],
    });
    // The leaves sit side by side under their branch: level-2 copies spread around their parent.
    const x = (label: string): number => a.design.nodes.find((n) => n.label === label)?.position.x ?? NaN;
    expect(x('conv3_g1_1') < x('conv2_g1') && x('conv2_g1') < x('conv3_g1_2')).toBe(true);
    expect(x('conv3_g1_2') < x('conv3_g2_1')).toBe(true);
  });

  it('2 → 8 and three levels: each layer divides by the groups above it', () => {
    const r = tree([
      { at: d.at('relu1'), groups: 2 },
      { at: d.at('relu2'), groups: 4 },
    ]);
    if (!r.ok) throw new Error(r.error);
    const conv = 16 * 3 * 9 + grouped(16, 32, 3, 2) + grouped(32, 32, 3, 8);
    expect(analyze(r.design).totals.params).toBe(conv + 2 * 80 + (32 / 8) * 10 + 10);
    const three = tree([
      { at: d.at('relu1'), groups: 2 },
      { at: d.at('relu2'), groups: 2 },
      { at: d.at('flatten'), groups: 2 },
    ]);
    if (!three.ok) throw new Error(three.error);
    const conv3 = 16 * 3 * 9 + grouped(16, 32, 3, 2) + grouped(32, 32, 3, 4);
    expect(analyze(three.design).totals.params).toBe(conv3 + 2 * 80 + (32 / 8) * 10 + 10);
    expect(three.design.nodes.filter((n) => n.kind === 'ChannelSplit')).toHaveLength(1 + 2 + 4);
  });

  it('a non-consecutive assignment: each leaf scores its classes and the output is in class order (onnxruntime)', async () => {
    const classes = [
      [7, 0, 4],
      [2, 9],
      [1, 5, 8],
      [3, 6],
    ];
    const r = tree(twoByTwo, classes);
    if (!r.ok) throw new Error(r.error);
    const a = analyze(r.design);
    const leaves = ['fc_g1_1', 'fc_g1_2', 'fc_g2_1', 'fc_g2_2'];
    expect(leaves.map((l) => a.layers.find((x) => x.name === l)?.outputShapes[0])).toEqual([
      [1, 3],
      [1, 2],
      [1, 3],
      [1, 2],
    ]);
    // Zero weights, bias 100·leaf + j: class c must come out as 100·l + j where classes[l][j] = c.
    const layers: Record<string, Record<string, Float32Array>> = {};
    for (const [l, label] of leaves.entries()) {
      const node = r.design.nodes.find((n) => n.label === label);
      const k = classes[l]?.length ?? 0;
      layers[node?.id ?? ''] = {
        weight: new Float32Array(8 * k),
        bias: Float32Array.from({ length: k }, (_, j) => 100 * l + j),
      };
    }
    const exported = exportDesign({ ...r.design, weights: { source: 'test', layers } });
    if (!exported.ok) throw new Error(exported.errors.join('; '));
    expect((exported.model.graph?.node ?? []).map((n) => n.opType).slice(-2)).toEqual(['Concat', 'Gather']);
    const s = await ort.InferenceSession.create(exported.bytes);
    const out = await s.run({
      input: new ort.Tensor('float32', new Float32Array(3 * 256).fill(0.5), [1, 3, 16, 16]),
    });
    const expected: number[] = [];
    for (const [l, group] of classes.entries())
      for (const [j, c] of group.entries()) expected[c] = 100 * l + j;
    expect([...(out['output']?.data as Float32Array)]).toEqual(expected);
    await s.release();
  });

  it('refuses, in one sentence naming the node, an assignment that is not a partition', () => {
    const refused = (assignment: readonly (readonly number[])[], levels = twoByTwo): string => {
      const r = tree(levels, assignment);
      return r.ok ? 'accepted' : r.error;
    };
    expect(
      refused([
        [0, 1, 2],
        [3, 4, 5],
        [6, 7, 2],
        [8, 9],
      ]),
    ).toBe('fc: class 2 is in groups 1 and 3; each class belongs to exactly one group.');
    expect(refused([[0, 1, 2], [3, 4, 5], [6, 7], [8]])).toBe(
      'fc: class 9 is in no group; each of its 10 classes belongs to one.',
    );
    expect(
      refused([
        [0, 1, 2],
        [3, 4, 5],
        [6, 7],
        [8, 10],
      ]),
    ).toBe('fc: class 10 is not one of its 10 classes (0 to 9).');
    expect(
      refused([
        [0, 1, 2, 3, 4],
        [5, 6, 7, 8, 9],
      ]),
    ).toBe('The class assignment lists 2 groups, but the tree ends in 4.');
    expect(refused([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [], []])).toBe('fc: group 3 predicts no class.');
    // More leaves than classes: 4 × 4 = 16 groups for 10 classes.
    const sixteen = [
      { at: d.at('relu1'), groups: 4 },
      { at: d.at('relu2'), groups: 4 },
    ];
    expect(tree(sixteen)).toMatchObject({
      ok: false,
      error: 'fc: 10 classes cannot be shared among 16 groups.',
    });
  });

  it('refuses levels out of order, channels that do not divide, and too many levels, naming the node', () => {
    expect(
      tree([
        { at: d.at('relu2'), groups: 2 },
        { at: d.at('relu1'), groups: 2 },
      ]),
    ).toMatchObject({
      ok: false,
      error:
        'Level 2 splits after relu1, which is not after level 1’s relu2: each level of the tree splits further along the network.',
    });
    // relu2 writes 32 channels; its copies in 2 groups hold 16, which do not split into 3.
    expect(
      tree([
        { at: d.at('relu1'), groups: 2 },
        { at: d.at('relu2'), groups: 3 },
      ]),
    ).toMatchObject({
      ok: false,
      error: 'relu2 writes 16 channels, which do not split into 3 equal groups.',
    });
    expect(tree([])).toMatchObject({ ok: false, error: 'A split tree has 1 to 4 levels, not 0.' });
    expect(
      tree([
        { at: d.at('relu1'), groups: 2 },
        { at: d.at('relu1'), groups: 2 },
      ]),
    ).toMatchObject({
      ok: false,
      error: 'Levels 1 and 2 both split after relu1: give each level its own node.',
    });
  });

  it('the class merge checks its own lists when a design is loaded: a class twice or in none', () => {
    const r = tree(twoByTwo);
    if (!r.ok) throw new Error(r.error);
    const withClasses = (classes: number[][]): Design => ({
      ...r.design,
      nodes: r.design.nodes.map((n) => (n.kind === 'ClassMerge' ? { ...n, params: { classes } } : n)),
    });
    const problem = (classes: number[][]): string | undefined =>
      analyze(withClasses(classes)).diagnostics.find((x) => x.severity === 'error')?.message;
    expect(
      problem([
        [0, 1, 2],
        [3, 4, 5],
        [6, 5],
        [8, 9],
      ]),
    ).toMatch(/Class 5 is in groups 2 and 3/);
    expect(
      problem([
        [0, 1, 2],
        [3, 4, 5],
        [6, 7],
        [8, 10],
      ]),
    ).toMatch(/Class 9 is in no group/);
    expect(
      problem([
        [0, 1],
        [2, 3, 4, 5],
        [6, 7],
        [8, 9],
      ]),
    ).toMatch(/Input 1 gives 3 scores, but its group lists 2 classes/);
  });
});
