import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { fitWidth } from '../analysis/budget';
import { deployView } from '../analysis/deploy';
import { expanderConnections, groupConnections, layersToConnectAll } from '../methods/expander-graph';
import { lcclView } from '../methods/lccl-method';
import { shrinkProposal } from '../methods/morphnet-method';
import { nestedLevels, nestedView } from '../methods/nested';
import { stochasticDepthView } from '../methods/stochastic-depth-method';
import { exportDesign } from '../onnx/export/onnx-export';
import { importModel } from '../onnx/import/import';
import { findExample } from './example-registry';
import { liveOf } from '../lessons/live';

function build(name: string) {
  const e = findExample(name);
  if (e === undefined) throw new Error(`no example ${name}`);
  return e.build();
}

/** A top-level node's figures by its label. */
function nodeCost(name: string, label: string) {
  const a = analyze(build(name));
  const id = a.design.nodes.find((n) => n.label === label)?.id;
  const c = a.nodes.get(id ?? '')?.cost;
  if (c === undefined) throw new Error(`${name} has no node ${label}`);
  return c;
}

/** A primitive layer of an example by its name (label path). */
function layerOf(name: string, label: string) {
  const l = analyze(build(name)).layers.find((x) => x.name === label);
  if (l === undefined) throw new Error(`${name} has no layer ${label}`);
  return l;
}

// Closed forms written from each paper's rule (batch 1, BN 2 params per channel).
describe('worked examples of the layer- and network-level methods', () => {
  it('stochastic_depth [137]: 6 branches of 256·(32·192 + 192·9 + 192·32); Σ p_l = 6 − 0.5·7/2 = 4.25', () => {
    const branch = 256 * (32 * 192 + 192 * 9 + 192 * 32);
    const v = stochasticDepthView(analyze(build('stochastic_depth')), { lastSurvival: 0.5 });
    expect(v.inferenceMultiplyAdds).toBe(6 * branch + 320);
    expect(v.expectedTrainingMultiplyAdds).toBeCloseTo(4.25 * branch + 320, 3);
  });

  it('lccl_vs_conv3x3 [138]: effective 64·64·HW + 0.5·64·64·9·HW, 0.61 of the plain conv', () => {
    const hw = 32 * 32;
    const main = 64 * 64 * 9 * hw;
    expect(nodeCost('lccl_vs_conv3x3', 'conv3x3').multiplyAdds).toBe(main);
    const row = lcclView(analyze(build('lccl_vs_conv3x3'))).rows[0];
    expect(row?.asExported).toBe(main + 64 * 64 * hw);
    expect(row?.effective).toBe(64 * 64 * hw + 0.5 * main);
    expect(Math.round(((row?.effective ?? 0) / main) * 100) / 100).toBe(0.61);
  });

  // Li et al. 2018: streamline merging gives conv1 the pool's stride (1·2), so conv1 runs at 16×16;
  // branch merging makes the three 1×1 branches (8, 16, 8) and their Concat one 1×1 conv of 32.
  it('deeprebirth_merge [139]: conv1 16·3·9·16² after the merge against 16·3·9·32² (÷ 4); one 1×1 of 32 for three', () => {
    const d = build('deeprebirth_merge');
    const conv1 = nodeCost('deeprebirth_merge', 'conv1');
    const merged = nodeCost('deeprebirth_merge', 'rebirth_conv1');
    expect(conv1.multiplyAdds).toBe(16 * 3 * 9 * 32 * 32);
    expect(merged.multiplyAdds).toBe(16 * 3 * 9 * 16 * 16);
    expect(conv1.multiplyAdds / merged.multiplyAdds).toBe(4);
    expect(merged.params).toBe(conv1.params);
    const stride = d.nodes.find((n) => n.label === 'rebirth_conv1')?.params as unknown as {
      stride: number[];
    };
    expect(stride.stride).toEqual([2, 2]);
    const labels = d.nodes.map((n) => n.label);
    for (const gone of ['rebirth_pool1', 'rebirth_branch2', 'rebirth_branch3', 'rebirth_concat'])
      expect(labels).not.toContain(gone);
    const branch = nodeCost('deeprebirth_merge', 'rebirth_branch1');
    expect(branch.params).toBe(16 * 32);
    expect(branch.multiplyAdds).toBe(16 * 32 * 16 * 16);
    // Each side: docs/costs.md's memory access (conv: in + out + weights; BN: in + out + 2C; ReLU,
    // pool, Concat: in + out), 3×32×32 in.
    const hw = 32 * 32;
    const q = hw / 4;
    const tail = 32 * q + 32 * q + 9 * 32 * 32 + 2 * 32 * q; // conv2, ReLU
    const trained =
      3 * hw +
      16 * hw +
      27 * 16 +
      (2 * 16 * hw + 32) +
      2 * 16 * hw +
      (16 * hw + 16 * q) +
      [8, 16, 8].reduce((s, c) => s + 16 * q + c * q + 16 * c, 0) +
      2 * 32 * q +
      tail;
    const rebirth =
      3 * hw + 16 * q + 27 * 16 + (2 * 16 * q + 32) + 2 * 16 * q + (16 * q + 32 * q + 16 * 32) + tail;
    const sides = liveOf(analyze(d));
    expect(sides?.baseline.memoryAccess).toBe(trained);
    expect(sides?.method.memoryAccess).toBe(rebirth);
    const params = 27 * 16 + 32 + 16 * 32 + 9 * 32 * 32;
    expect(sides?.baseline.params).toBe(params);
    expect(sides?.method.params).toBe(params);
    expect(sides?.baseline.multiplyAdds).toBe(16 * 27 * hw + 16 * 32 * q + 9 * 32 * 32 * q);
    expect(sides?.method.multiplyAdds).toBe(16 * 27 * q + 16 * 32 * q + 9 * 32 * 32 * q);
  });

  it("deeprebirth_merge [139]: the deploy view still folds both sides' batch norms into conv1", () => {
    const v = deployView(analyze(build('deeprebirth_merge')));
    expect(v.foldedCount).toBeGreaterThanOrEqual(2);
    expect(v.before.params - v.after.params).toBe(2 * 16); // γ, β of each bn1 become conv1's bias (16 each)
  });

  // Szegedy et al. 2015, Table 1, inception (3a) on 28×28×192: #1×1 64, #3×3 reduce 96, #3×3 128,
  // #5×5 reduce 16, #5×5 32, pool proj 32: "159K" params, "128M" ops. Li et al. 2018: the 1×1 branch
  // merges into the 3×3 (64 + 128), the pool branch into the 5×5 (32 + 32).
  it('deeprebirth_inception [139]: 3a as GoogLeNet Table 1 (159K, 128M) beside its merge (3×3 192, 5×5 64)', () => {
    const hw = 28 * 28;
    const table1 = 192 * 64 + 192 * 96 + 96 * 9 * 128 + 192 * 16 + 16 * 25 * 32 + 192 * 32;
    const merged = 192 * 96 + 96 * 9 * (64 + 128) + 192 * 16 + 16 * 25 * (32 + 32);
    const biases = 64 + 96 + 128 + 16 + 32 + 32;
    const sides = liveOf(analyze(build('deeprebirth_inception')));
    expect(Math.floor(table1 / 1024)).toBe(159);
    expect(sides?.baseline.params).toBe(table1 + biases);
    expect(sides?.baseline.multiplyAdds).toBe(table1 * hw);
    expect(Math.round((sides?.baseline.multiplyAdds ?? 0) / 1e6)).toBe(128);
    expect(sides?.method.params).toBe(merged + biases);
    expect(sides?.method.multiplyAdds).toBe(merged * hw);
    expect(nodeCost('deeprebirth_inception', 'rebirth_3x3').params).toBe(96 * 9 * 192 + 192);
    expect(nodeCost('deeprebirth_inception', 'rebirth_5x5').params).toBe(16 * 25 * 64 + 64);
    const labels = build('deeprebirth_inception').nodes.map((n) => n.label);
    for (const gone of ['rebirth_1x1', 'rebirth_pool', 'rebirth_pool_proj'])
      expect(labels).not.toContain(gone);
    expect(labels).toContain('pool_proj');
    // One input for both sides: 192×28×28.
    expect(build('deeprebirth_inception').nodes.filter((n) => n.kind === 'Input')).toHaveLength(1);
  });

  it('expander_vs_group_conv [140]: both Cout·D·k² = 64·8·9; the expander connects all, the group conv never', () => {
    for (const label of ['group_conv', 'expander']) {
      const c = nodeCost('expander_vs_group_conv', label);
      expect(c.params).toBe(64 * 8 * 9);
      expect(c.multiplyAdds).toBe(64 * 8 * 9 * 32 * 32);
    }
    expect(layersToConnectAll(groupConnections(64, 64, 8), 64)).toBeUndefined();
    expect(layersToConnectAll(expanderConnections(64, 64, 8, 1), 64)).toBeLessThanOrEqual(4);
  });

  it('expander_vs_group_conv [140]: workspace and memory access in the convention of every conv', () => {
    // im2col: a 3×3 X-Conv gathers D = 8 inputs per output over a 3×3 window, one output's group at a
    // time: 8·9 × 32·32 = 73,728; the group conv g = 8: (64/8)·9 × 32·32, the same.
    // Memory access (docs/costs.md, every conv): input + output + weights = 64·32·32 + 64·32·32 + 64·8·9.
    const expander = layerOf('expander_vs_group_conv', 'expander');
    const group = layerOf('expander_vs_group_conv', 'group_conv');
    expect(expander.workspace).toBe(8 * 9 * 32 * 32);
    expect(expander.workspace).toBe(73_728);
    expect(group.workspace).toBe(73_728);
    for (const l of [expander, group]) {
      expect(l.cost.memoryAccessConvFc).toBe(64 * 1024 + 64 * 1024 + 64 * 8 * 9);
      expect(l.cost.memoryAccess).toBe(135_680);
    }
  });

  it('the expander example exports and imports back as the same op, graph and figures', () => {
    const design = build('expander_vs_group_conv');
    const file = exportDesign(design);
    if (!file.ok) throw new Error(file.errors.join('; '));
    const back = importModel(file.bytes);
    if (!back.ok) throw new Error(back.error);
    const node = back.design.nodes.find((n) => n.kind === 'ExpanderConv2d');
    expect(node?.params['seed']).toBe(1);
    expect(analyze(back.design).totals).toEqual(analyze(design).totals);
  });

  it('shift_vs_conv3x3 [141]: 9C² against 2C² + BN', () => {
    expect(nodeCost('shift_vs_conv3x3', 'conv3x3').params).toBe(9 * 64 * 64);
    const s = nodeCost('shift_vs_conv3x3', 'shift_block');
    expect(s.params).toBe(2 * 64 * 64 + 2 * 2 * 64);
    expect(s.multiplyAdds).toBe(2 * 64 * 64 * 32 * 32);
  });

  it('sparse_shift_vs_shift [142]: the shift moves 2·C·HW, the sparse one (a hand-set mask of 16) 2·16·HW', () => {
    const node = build('sparse_shift_vs_shift').nodes.find((n) => n.label === 'sparse_shift');
    const shifts = node?.kind === 'SparseShift' ? (node.params.shifts ?? []) : [];
    expect(shifts).toHaveLength(64);
    expect(shifts.filter((i) => i !== 4)).toHaveLength(16);
    expect(nodeCost('sparse_shift_vs_shift', 'shift').memoryAccess).toBe(2 * 64 * 256);
    expect(nodeCost('sparse_shift_vs_shift', 'sparse_shift').memoryAccess).toBe(2 * 16 * 256);
  });

  it('splitnet_tree [143]: a 2 → 4 tree; a layer in g groups has (Cin/g)(Cout/g)k²·g weights; leaves score their own classes', () => {
    const a = analyze(build('splitnet_tree'));
    // The paper's rule: a layer split into g disjoint groups keeps g blocks of (Cin/g)·(Cout/g)·k².
    const split = (cin: number, cout: number, k: number, g: number): number =>
      (cin / g) * (cout / g) * k * k * g;
    const conv1 = 3 * 32 * 9; // shared
    const conv2 = split(32, 64, 3, 2); // level 1: 2 groups
    const conv3 = split(64, 64, 3, 4); // level 2: 4 groups
    // Leaf l reads 64/4 features and scores its |classes_l| of [[0,8],[1,9],[2,4,6],[3,5,7]].
    const fc = (64 / 4) * (2 + 2 + 3 + 3);
    expect(a.totals.params).toBe(conv1 + 64 + conv2 + 128 + conv3 + 128 + fc + 10);
    expect(a.totals.multiplyAdds).toBe(conv1 * 32 * 32 + (conv2 + conv3) * 16 * 16 + fc);
    expect(a.design.nodes.filter((n) => n.kind === 'ChannelSplit').map((n) => n.label)).toEqual([
      'conv1_relu_split',
      'conv2_relu_g1_split',
      'conv2_relu_g2_split',
    ]);
    const merge = a.design.nodes.find((n) => n.kind === 'ClassMerge');
    expect(merge?.params).toEqual({
      classes: [
        [0, 8],
        [1, 9],
        [2, 4, 6],
        [3, 5, 7],
      ],
    });
    expect(a.layers.find((l) => l.op === 'Output')?.inputShapes[0]).toEqual([1, 10]);
  });

  it('morphnet_shrink [144]: 8 of conv1’s 32 channels go: conv1 8·27, BN 8·2, conv2 inputs 64·8·9', () => {
    const p = shrinkProposal(build('morphnet_shrink'), 0.01);
    if ('error' in p) throw new Error(p.error);
    expect(p.items.map((i) => [i.label, i.channels.length])).toEqual([['conv1', 8]]);
    expect(p.before.params - p.after.params).toBe(8 * 27 + 8 * 2 + 64 * 8 * 9);
    expect(p.before.multiplyAdds - p.after.multiplyAdds).toBe(8 * 27 * 1024 + 64 * 8 * 9 * 256);
  });

  it('morphnet_expand [144]: the widest multiplier within twice the multiply-adds', () => {
    // Channels (c1, c2) give c1·27·32² + c2·c1·9·16² + c2²·9·16² + 10·c2.
    const madds = (c1: number, c2: number): number =>
      c1 * 27 * 1024 + (c2 * c1 + c2 * c2) * 9 * 256 + 10 * c2;
    const budget = 2 * madds(32, 64);
    const fit = fitWidth(build('morphnet_expand'), { multiplyAdds: budget });
    const convs = fit?.design.nodes
      .filter((n) => n.kind === 'Conv2d')
      .map((n) => (n.params as { outChannels: number }).outChannels);
    const [c1 = 0, c2 = 0] = convs ?? [];
    expect(fit?.analysis.totals.multiplyAdds).toBe(madds(c1, c2));
    expect(madds(c1, c2)).toBeLessThanOrEqual(budget);
    expect(fit?.width).toBeGreaterThan(1.3);
  });

  it('nestednet_levels [145]: rows at channels (8, 16), (16, 32), (32, 64); stored once', () => {
    const params = (c1: number, c2: number): number =>
      c1 * 27 + 2 * c1 + c2 * c1 * 9 + 2 * c2 + c2 * c2 * 9 + 2 * c2 + 10 * c2 + 10;
    const r = nestedLevels(build('nestednet_levels'));
    if (!r.ok) throw new Error(r.error);
    const v = nestedView(r.value);
    expect(v.rows.map((x) => x.params)).toEqual([params(8, 16), params(16, 32), params(32, 64)]);
    expect(v.storedParams).toBe(params(32, 64));
  });
});
