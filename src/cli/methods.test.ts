import { describe, expect, it } from 'vitest';
import { cliInMemory } from '../../test-support/cli';
import { hierarchyWeight } from '../../test-support/class-hierarchy';
import { GraphBuilder } from '../core/design/builder';
import { serializeDesign } from '../core/document/format';

const cli = (args: string[]) => cliInMemory(args);
const int = (n: number): string => n.toLocaleString('en-US');

describe('cli: effective figures of the layer- and network-level methods', () => {
  it('cost --json carries them under their own names, beside the as-exported totals', async () => {
    const r = await cli(['cost', 'example:lccl_vs_conv3x3', '--json']);
    const j = JSON.parse(r.out) as {
      multiplyAdds: number;
      methods: { lccl: { asExportedMultiplyAdds: number; effectiveMultiplyAdds: number } };
    };
    const hw = 1024;
    const conv = 64 * 64 * 9 * hw;
    // Baseline conv + LCCL block in the file; the LCCL's main conv counts (1 − 0.5) effectively.
    expect(j.multiplyAdds).toBe(conv + conv + 64 * 64 * hw);
    expect(j.methods.lccl.asExportedMultiplyAdds).toBe(j.multiplyAdds);
    expect(j.methods.lccl.effectiveMultiplyAdds).toBe(conv + 64 * 64 * hw + 0.5 * conv);
    const sd = JSON.parse((await cli(['cost', 'example:stochastic_depth', '--json'])).out) as {
      multiplyAdds: number;
      methods: {
        stochasticDepth: { inferenceMultiplyAdds: number; expectedBlocks: number; convention: string };
      };
    };
    expect(sd.methods.stochasticDepth.inferenceMultiplyAdds).toBe(sd.multiplyAdds);
    expect(sd.methods.stochasticDepth.expectedBlocks).toBeCloseTo(4.25, 12);
    expect(sd.methods.stochasticDepth.convention).toMatch(/unscaled/);
    const plain = JSON.parse((await cli(['cost', 'example:fire_vs_conv3x3', '--json'])).out) as object;
    expect(plain).not.toHaveProperty('methods');
  });

  it('export --nested writes one model per level, or one with every level', async () => {
    const sep = await cli(['export', 'example:nestednet_levels', '-o', 'm.onnx', '--nested', 'separate']);
    expect(sep.status).toBe(0);
    expect(Object.keys(sep.written)).toEqual(['m.level0.25.onnx', 'm.level0.5.onnx', 'm.level1.onnx']);
    const joint = await cli(['export', 'example:nestednet_levels', '-o', 'j.onnx', '--nested', 'joint']);
    expect(Object.keys(joint.written)).toEqual(['j.onnx']);
    const bad = await cli(['export', 'example:nestednet_levels', '-o', 'j.onnx', '--nested', 'all']);
    expect(bad).toMatchObject({ status: 1, err: 'error: --nested must be separate or joint, not "all"\n' });
  });
});

/** The small CNN the network-level examples use, counted by hand (3×3 convs, no bias; BN γ, β). */
const conv = (cin: number, cout: number): number => cin * cout * 9;
const smallCnnParams = conv(3, 32) + 64 + conv(32, 64) + 128 + conv(64, 64) + 128 + 64 * 10 + 10;
// conv1 at 32×32, conv2 and conv3 at 16×16, the classifier.
const smallCnnMadds = conv(3, 32) * 1024 + conv(32, 64) * 256 + conv(64, 64) * 256 + 640;

describe('cli: SplitNet and MorphNet', () => {
  it('split --at NODE --groups G writes the tree; its figures are the closed form of G half-width branches', async () => {
    const r = await cli([
      'split',
      'example:morphnet_expand',
      '--groups',
      '2',
      '--at',
      'conv1_relu',
      '-o',
      's.json',
    ]);
    expect(r.status).toBe(0);
    expect(r.out).toContain(`params             ${smallCnnParams.toLocaleString('en-US')}`);
    // After conv1: per branch conv 16→32 and 32→32, BN on 32, a classifier 32 → 5 classes.
    const split = conv(3, 32) + 64 + 2 * (conv(16, 32) + 64 + conv(32, 32) + 64 + 32 * 5 + 5);
    const splitMadds = conv(3, 32) * 1024 + 2 * (conv(16, 32) + conv(32, 32)) * 256 + 2 * 32 * 5;
    expect(r.out).toMatch(new RegExp(`params +[\\d,]+ +${split.toLocaleString('en-US')} `));
    expect(r.out).toMatch(new RegExp(`multiply-adds +[\\d,]+ +${splitMadds.toLocaleString('en-US')} `));
    const again = await cliInMemory(['cost', 's.json', '--json'], { 's.json': r.written['s.json'] ?? '' });
    const j = JSON.parse(again.out) as { params: number; multiplyAdds: number; layers: { op: string }[] };
    expect(j).toMatchObject({ params: split, multiplyAdds: splitMadds });
    expect(j.layers.filter((l) => l.op === 'Linear')).toHaveLength(2);
  });

  it('split --chart lists every split depth; split refuses a bad group count and an unknown node', async () => {
    const r = await cli(['split', 'example:morphnet_expand', '--groups', '2', '--chart']);
    expect(r.status).toBe(0);
    const fmt = (n: number): string => n.toLocaleString('en-US');
    expect(r.out).toMatch(new RegExp(`^\\(unsplit\\) +${fmt(smallCnnParams)} +${fmt(smallCnnMadds)}$`, 'm'));
    expect(r.out).toMatch(/^conv1_relu +3 +29,162 +7,962,944$/m);
    expect(await cli(['split', 'example:morphnet_expand', '--groups', '1', '--chart'])).toMatchObject({
      status: 1,
      err: 'error: --groups must be integers from 2 to 16 (one per level, comma-separated), not "1"\n',
    });
    const unknown = await cli([
      'split',
      'example:morphnet_expand',
      '--groups',
      '2',
      '--at',
      'nope',
      '-o',
      'x.json',
    ]);
    expect(unknown.status).toBe(1);
    expect(unknown.err).toMatch(/^error: no node labelled or with id "nope"/);
  });

  it('split --at A,B --groups 2,2 --assign: a 2 → 4 tree; a layer in g groups keeps (Cin/g)(Cout/g)k²·g weights', async () => {
    const r = await cli([
      'split',
      'example:morphnet_expand',
      '--at',
      'conv1_relu,conv2_relu',
      '--groups',
      '2,2',
      '--assign',
      '0,8/1,9/2,4,6/3,5,7',
      '-o',
      't.json',
    ]);
    expect(r.status).toBe(0);
    const grouped = (cin: number, cout: number, g: number): number => (cin / g) * (cout / g) * 9 * g;
    // conv2 in the 2 groups of level 1, conv3 in the 4 of level 2; 4 leaves of 16 features × their classes.
    const params = conv(3, 32) + 64 + grouped(32, 64, 2) + 128 + grouped(64, 64, 4) + 128 + 16 * 10 + 10;
    const madds = conv(3, 32) * 1024 + (grouped(32, 64, 2) + grouped(64, 64, 4)) * 256 + 16 * 10;
    expect(r.out).toContain('a 2 × 2 = 4-leaf tree after conv1_relu, conv2_relu');
    expect(r.out).toContain('classes per leaf: 0 8 | 1 9 | 2 4 6 | 3 5 7');
    expect(r.out).toMatch(new RegExp(`params +[\\d,]+ +${params.toLocaleString('en-US')} `));
    const again = await cliInMemory(['cost', 't.json', '--json'], { 't.json': r.written['t.json'] ?? '' });
    expect(JSON.parse(again.out)).toMatchObject({ params, multiplyAdds: madds });
  });

  it('split refuses a tree whose levels and counts differ, a bad --assign, and an assignment that is not a partition', async () => {
    const base = ['split', 'example:morphnet_expand', '--at', 'conv1_relu,conv2_relu', '-o', 't.json'];
    expect(await cli([...base, '--groups', '2'])).toMatchObject({
      status: 1,
      err: 'error: --at names 2 node(s) but --groups gives 1 count(s): one per level of the tree\n',
    });
    expect((await cli([...base, '--groups', '2,2', '--assign', '0,8/1,x'])).err).toMatch(
      /^error: --assign lists each leaf's classes as integers/,
    );
    expect(await cli([...base, '--groups', '2,2', '--assign', '0,8/1,9/2,4,6/3,5,6'])).toMatchObject({
      status: 1,
      err: 'error: fc: class 6 is in groups 3 and 4; each class belongs to exactly one group.\n',
    });
    expect(await cli([...base, '--groups', '2,2', '--assign-from-weights'])).toMatchObject({
      status: 1,
      err: 'error: fc carries no trained weights: train the design first, then derive the class assignment from it.\n',
    });
  });

  it('split --assign-from-weights: classes whose trained weight rows point alike share a leaf', async () => {
    // fc's rows (8 classes over 8 features): the hierarchy of hierarchyRows, 4 zero features after.
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 3, height: 8, width: 8 }, [], 'input');
    const c1 = g.add('ReLU', {}, [g.add('Conv2d', { outChannels: 8 }, [x], 'conv1')], 'relu1');
    const c2 = g.add('ReLU', {}, [g.add('Conv2d', { outChannels: 8 }, [c1], 'conv2')], 'relu2');
    const f = g.add('Flatten', {}, [g.add('GlobalAvgPool', {}, [c2], 'pool')], 'flatten');
    const fc = g.add('Linear', { outFeatures: 8 }, [f], 'fc');
    g.output(fc);
    const design = g.design('trained');
    const weight = hierarchyWeight(4);
    const trained = {
      ...design,
      weights: { source: 'test', layers: { [fc.node]: { weight } } },
    };
    const r = await cliInMemory(
      ['split', 'd.json', '--at', 'relu1,relu2', '--groups', '2,2', '--assign-from-weights', '-o', 't.json'],
      { 'd.json': serializeDesign(trained) },
    );
    expect(r.status).toBe(0);
    expect(r.out).toContain("classes derived from fc's trained weight rows");
    expect(r.out).toContain('0 5 | 3 6 | 1 7 | 2 4');
    expect(r.written['t.json']).toMatch(/"classes":\s*\[\s*\[\s*0,\s*5\s*\]/);
  });

  it('widths: the cost of one more output channel per layer, and --set writes per-layer widths', async () => {
    const r = await cli(['widths', 'example:morphnet_expand']);
    expect(r.status).toBe(0);
    // One more conv1 channel: its own 27 weights at 32×32, one more input to conv2 (64·9 at 16×16), BN γ and β.
    const row = (label: string, madds: number, params: number): RegExp =>
      new RegExp(
        `^${label} +outChannels +\\d+ +${madds.toLocaleString('en-US')} +${params.toLocaleString('en-US')} `,
        'm',
      );
    expect(r.out).toMatch(row('conv1', 27 * 1024 + 64 * 9 * 256, 27 + 2 + 64 * 9));
    expect(r.out).toMatch(row('conv3', 64 * 9 * 256 + 10, 64 * 9 + 2 + 10));
    const set = await cli([
      'widths',
      'example:morphnet_expand',
      '--set',
      'conv1=16,conv2.outChannels=48',
      '-o',
      'w.json',
    ]);
    expect(set.status).toBe(0);
    const w = await cliInMemory(['cost', 'w.json', '--json'], { 'w.json': set.written['w.json'] ?? '' });
    const params = conv(3, 16) + 32 + conv(16, 48) + 96 + conv(48, 64) + 128 + 650;
    expect((JSON.parse(w.out) as { params: number }).params).toBe(params);
    expect(
      await cli(['widths', 'example:morphnet_expand', '--set', 'conv1_relu=3', '-o', 'w.json']),
    ).toMatchObject({
      status: 1,
      err: 'error: "conv1_relu" (ReLU) has no width to set\n',
    });
  });

  it('shrink drops the channels with |γ| < T (8 of conv1), then widens to fit the budget', async () => {
    const r = await cli(['shrink', 'example:morphnet_shrink', '--threshold', '0.01', '-o', 'm.json']);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^conv1 +outChannels 32 +conv1_bn +8 +→ 24$/m);
    const shrunk = conv(3, 24) + 48 + conv(24, 64) + 128 + conv(64, 64) + 128 + 650;
    expect(r.out).toMatch(new RegExp(`^params +57,130 +${shrunk.toLocaleString('en-US')}$`, 'm'));
    const budget = 20_000_000;
    const fit = await cli([
      'shrink',
      'example:morphnet_shrink',
      '--threshold',
      '0.01',
      '--budget-madds',
      String(budget),
      '-o',
      'f.json',
    ]);
    expect(fit.status).toBe(0);
    const width = Number(/expanded ×([\d.]+)/.exec(fit.out)?.[1]);
    const madds = Number(/^multiply-adds +[\d,]+ +[\d,]+ +([\d,]+)$/m.exec(fit.out)?.[1]?.replace(/,/g, ''));
    expect(width).toBeGreaterThan(1);
    expect(madds).toBeLessThanOrEqual(budget);
    expect(
      await cli(['shrink', 'example:morphnet_expand', '--threshold', '0.01', '-o', 'x.json']),
    ).toMatchObject({
      status: 1,
      err: 'error: Shrinking reads the batch norms’ γ: the design carries no trained weights.\n',
    });
  });
});

/** Input 3×32×32 → conv1 16 (3×3, no bias) → ReLU → max pool 3×3/2 → Output. */
function convPool(): string {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 32, width: 32 }, [], 'input');
  const r = g.add('ReLU', {}, [g.add('Conv2d', { outChannels: 16, bias: false }, [x], 'conv1')], 'relu1');
  g.output(g.add('MaxPool', {}, [r], 'pool1'));
  return serializeDesign(g.design('conv pool'));
}

describe('cli: DeepRebirth merges', () => {
  it('merge --pool writes the conv with the pool’s stride: conv1 16·27·16² multiply-adds instead of 16·27·32²', async () => {
    const r = await cliInMemory(['merge', 'd.json', '--pool', 'pool1', '-o', 'm.json'], {
      'd.json': convPool(),
    });
    expect(r.status).toBe(0);
    expect(r.out).toContain('merged away pool1');
    const madds = (hw: number) => (16 * 27 * hw).toLocaleString('en-US');
    expect(r.out).toMatch(new RegExp(`multiply-adds +${madds(1024)} +${madds(256)}`));
  });

  it('merge needs exactly one of --pool and --branches, and refuses a node that is not a Concat', async () => {
    const files = { 'd.json': convPool() };
    expect((await cliInMemory(['merge', 'd.json', '-o', 'm.json'], files)).status).not.toBe(0);
    const r = await cliInMemory(['merge', 'd.json', '--branches', 'pool1', '-o', 'm.json'], files);
    expect(r.status).not.toBe(0);
    expect(r.err).toContain('no Concat node');
  });

  // GoogLeNet inception (3a) (Szegedy et al. Table 1) merged as Li et al. do: the 3×3 takes the
  // 1×1 branch's 64 channels, the 5×5 the pool branch's 32; then the reductions 96, 16 are halved.
  it('merge --inception then --slim on inception (3a): 784·(192·96 + 96·9·192 + 192·16 + 16·25·64), then half', async () => {
    const merged = 192 * 96 + 96 * 9 * 192 + 192 * 16 + 16 * 25 * 64;
    const table1 = 192 * 64 + 192 * 96 + 96 * 9 * 128 + 192 * 16 + 16 * 25 * 32 + 192 * 32;
    const other = table1 * 784; // the baseline side, untouched
    const first = await cliInMemory(
      ['merge', 'example:deeprebirth_inception', '--inception', 'inception_3a', '-o', 'm.json'],
      {},
    );
    expect(first.status).toBe(0);
    expect(first.out).toContain('merged away pool, 1x1, relu_1x1, pool_proj, relu_pool_proj');
    expect(first.out).toContain('3x3: 128 → 192 output channels');
    expect(first.out).toContain('5x5: 32 → 64 output channels');
    expect(first.out).toMatch(
      new RegExp(`multiply-adds +${int(other + merged * 784)} +${int(2 * merged * 784)}`),
    );
    const slim = await cliInMemory(
      ['merge', 'm.json', '--slim', 'inception_3a', '--keep', '0.5', '-o', 's.json'],
      {
        'm.json': first.files['m.json'] as string,
      },
    );
    expect(slim.status).toBe(0);
    expect(slim.out).toContain('3x3_reduce: 96 → 48 output channels');
    expect(slim.out).toMatch(
      new RegExp(`multiply-adds +${int(2 * merged * 784)} +${int(merged * 784 + (merged / 2) * 784)}`),
    );
    const again = await cliInMemory(['merge', 'm.json', '--inception', 'inception_3a', '-o', 'x.json'], {
      'm.json': first.files['m.json'] as string,
    });
    expect(again.status).not.toBe(0);
    expect(again.err).toContain('merged already');
    const keep = await cliInMemory(
      ['merge', 'm.json', '--inception', 'inception_3a', '--keep', '0.5', '-o', 'x.json'],
      {
        'm.json': first.files['m.json'] as string,
      },
    );
    expect(keep.err).toContain('--keep goes with --slim only');
  });
});
