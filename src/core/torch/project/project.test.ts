import { describe, expect, it } from 'vitest';
import { cliInMemory as cli } from '../../../../test-support/cli';
import { analyze } from '../../analysis/analyze';
import { designHash, trainedHash } from '../../document/design-hash';
import { parseDesign, serializeDesign } from '../../document/format';
import { examples } from '../../examples/example-registry';
import { GraphBuilder } from '../../design/builder';
import type { Design } from '../../design/design-types';
import { presets } from '../../presets/preset-registry';
import { encodeSafetensors, type NamedTensor } from '../safetensors';
import { loadTrained } from './load-trained';
import { trainingProject, type StudioKeys } from './project';

function tiny(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 8, width: 8 }, [], 'image');
  const c = g.add('Conv2d', { outChannels: 6, kernel: [3, 3], padding: [1, 1] }, [x], 'conv1');
  const b = g.add('BatchNorm', {}, [c], 'bn1');
  const p = g.add('GlobalAvgPool', {}, [b], 'pool');
  const f = g.add('Flatten', {}, [p], 'flat');
  const l = g.add('Linear', { outFeatures: 10 }, [f], 'fc');
  g.output(l);
  return g.design('tiny');
}

/** The tensors train.py writes for a project: studio name (key.role) and shape, values 0.5. */
function trainedFile(design: Design, change?: (t: NamedTensor) => NamedTensor | undefined): Uint8Array {
  const r = trainingProject(design);
  if (!r.ok) throw new Error(r.errors.join('; '));
  const keys = JSON.parse(r.files.find((f) => f.path === 'studio_keys.json')?.data as string) as StudioKeys;
  const tensors = keys.tensors
    .map((t): NamedTensor => {
      const n = t.shape.reduce((a, b) => a * b, 1);
      return { name: `${t.key}.${t.role}`, shape: t.shape, data: new Float32Array(n).fill(0.5) };
    })
    .flatMap((t) => {
      const c = change === undefined ? t : change(t);
      return c === undefined ? [] : [c];
    });
  return encodeSafetensors(tensors);
}

const metrics = [
  {
    event: 'start',
    data: 'cifar10',
    split: 'test',
    classes: 10,
    train_images: 50000,
    eval_images: 10000,
    epochs: 2,
    global_batch: 256,
    seed: 7,
    recipe: {
      optimizer: 'sgd',
      momentum: 0.9,
      learningRate: 0.1,
      weightDecay: 5e-4,
      warmupEpochs: 1,
      schedule: 'cosine',
      labelSmoothing: 0,
      augment: { flip: true, crop: 4, resizedCrop: false },
    },
  },
  { epoch: 1, step: 195, split: 'train', loss: 1.5, top1: 0.45, top5: 0.9, lr: 0.1, images_per_second: 900 },
  { epoch: 1, step: 195, split: 'test', loss: 1.2, top1: 0.55, top5: 0.95, images: 10000 },
  { epoch: 2, step: 390, split: 'train', loss: 1.1, top1: 0.6, top5: 0.96, lr: 0.0, images_per_second: 1100 },
  { epoch: 2, step: 390, split: 'test', loss: 0.9, top1: 0.68, top5: 0.97, images: 10000 },
  {
    event: 'end',
    step: 390,
    epochs: 2,
    seconds: 120.5,
    data: 'cifar10',
    split: 'test',
    time: 1_800_000_000,
    loss: 0.9,
    top1: 0.68,
    top5: 0.97,
    images: 10000,
  },
]
  .map((l) => JSON.stringify(l))
  .join('\n');

describe('training project', () => {
  it('holds net.py, train.py, data.py, recipe.json, studio_keys.json and a README; net.safetensors only with weights', () => {
    const r = trainingProject(tiny());
    expect(r.ok && r.files.map((f) => f.path)).toEqual([
      'net.py',
      'train.py',
      'data.py',
      'recipe.json',
      'studio_keys.json',
      'README.md',
    ]);
    const shrunk = examples.find((e) => e.name === 'morphnet_shrink')?.build();
    const w = shrunk === undefined ? undefined : trainingProject(shrunk);
    expect(w?.ok && w.files.map((f) => f.path)).toContain('net.safetensors');
  });

  it('recipe.json: SGD with Nesterov momentum for a design with batch norm, Adam at 1e-3 from He-uniform weights for one without', () => {
    const recipeOf = (d: Design): Record<string, unknown> => {
      const r = trainingProject(d);
      const text = r.ok ? r.files.find((f) => f.path === 'recipe.json')?.data : undefined;
      return JSON.parse(String(text)) as Record<string, unknown>;
    };
    const withBn = recipeOf(tiny());
    expect([
      withBn['optimizer'],
      withBn['learningRate'],
      withBn['momentum'],
      withBn['nesterov'],
      withBn['init'],
    ]).toEqual(['sgd', 0.1, 0.9, true, 'pytorch']);
    const squeeze = presets.find((p) => p.name === 'squeezenet1_1')?.build();
    if (squeeze === undefined) throw new Error('no squeezenet1_1 preset');
    const noBn = recipeOf(squeeze);
    expect([
      noBn['optimizer'],
      noBn['learningRate'],
      noBn['momentum'],
      noBn['nesterov'],
      noBn['init'],
    ]).toEqual(['adam', 0.001, undefined, false, 'he-uniform']);
  });

  it('the README shows one GPU, torchrun on one machine and several, and a Slurm script', () => {
    const r = trainingProject(tiny());
    const readme = r.ok ? (r.files.find((f) => f.path === 'README.md')?.data as string) : '';
    expect(readme).toContain('python train.py --data cifar10');
    expect(readme).toContain('torchrun --nproc_per_node=8 train.py');
    expect(readme).toMatch(/torchrun --nnodes=4 .*--rdzv-backend=c10d/);
    expect(readme).toContain('#SBATCH --nodes=4');
  });

  it.each([
    ...presets.map((p): [string, Design] => [p.name, p.build()]),
    ...examples.map((e): [string, Design] => [e.name, e.build()]),
  ])('%s: studio_keys.json names every weight of the design, so train.py’s file binds back', (_, design) => {
    const r = loadTrained(design, trainedFile(design), 'weights.safetensors');
    if (!r.ok) throw new Error(r.error);
    expect(r.design.weights?.source).toBe('weights.safetensors');
    // Every weight the ONNX export reads now comes from the file (0.5 everywhere).
    expect(r.layers).toBe(Object.keys(r.design.weights?.layers ?? {}).length);
    expect(r.tensors).toBeGreaterThan(0);
  });

  it('refuses a file with a tensor of the wrong shape, one missing and one extra, naming each key; nothing is bound', () => {
    const design = tiny();
    const file = trainedFile(design, (t) =>
      t.name === 'n2.weight'
        ? { ...t, shape: [6, 3, 1, 1], data: t.data.subarray(0, 18) }
        : t.name === 'n3.running_var'
          ? undefined
          : t,
    );
    const extra = encodeSafetensors([{ name: 'n9.weight', shape: [1], data: new Float32Array(1) }]);
    const r = loadTrained(design, file, 'w.safetensors');
    expect(r).toMatchObject({ ok: false, keys: ['n2.weight', 'n3.running_var'] });
    expect(!r.ok && r.error).toBe(
      'w.safetensors does not fit this design, so nothing was loaded: 1 tensor of the wrong shape: n2.weight (6×3×1×1 in the file, 6×3×3×3 in the design); 1 weight of the design missing: n3.running_var.',
    );
    const r2 = loadTrained(design, extra, 'x.safetensors');
    expect(!r2.ok && r2.keys).toContain('n9.weight');
    expect(loadTrained(design, new Uint8Array([1, 2, 3]), 'x.safetensors')).toMatchObject({
      ok: false,
      error: 'x.safetensors is not a safetensors file: it is shorter than its 8-byte header length',
    });
  });

  it('records the result of metrics.jsonl: data, split, top-1/top-5 of the last evaluation, recipe, seed, date, costs', () => {
    const design = tiny();
    const r = loadTrained(design, trainedFile(design), 'weights.safetensors', {
      text: metrics,
      file: 'metrics.jsonl',
    });
    if (!r.ok) throw new Error(r.error);
    const t = analyze(design).totals;
    expect(r.result).toMatchObject({
      engine: 'pytorch',
      dataset: { name: 'cifar10', split: 'test', classes: 10, trainImages: 50000, evalImages: 10000 },
      top1: 0.68,
      top5: 0.97,
      epochs: 2,
      steps: 390,
      recipe: { epochs: 2, batch: 256, seed: 7, optimizer: 'sgd', augment: { flip: true, crop: 4 } },
      date: '2027-01-15T08:00:00.000Z',
      sourceFile: 'weights.safetensors',
      designHash: trainedHash(r.design),
      costs: { params: 6 * 27 + 12 + 70, multiplyAdds: 6 * 27 * 64 + 60, memoryAccess: t.memoryAccess },
      curve: [
        { epoch: 1, loss: 1.5, trainTop1: 0.45, valTop1: 0.55 },
        { epoch: 2, loss: 1.1, trainTop1: 0.6, valTop1: 0.68 },
      ],
    });
    expect(r.design.results).toHaveLength(1);
    // The result survives saving and loading the design.
    const again = parseDesign(serializeDesign(r.design));
    expect(again.ok && again.design.results?.[0]?.top1).toBe(0.68);
    const unfinished = loadTrained(design, trainedFile(design), 'w.safetensors', {
      text: metrics.split('\n').slice(0, -1).join('\n'),
      file: 'metrics.jsonl',
    });
    expect(!unfinished.ok && unfinished.error).toBe(
      'metrics.jsonl: the metrics file has no "end" line: the run has not finished (go on with train.py --resume)',
    );
  });

  it('designHash: the same after moving, renaming or training results; another after a changed layer or weight keys', () => {
    const d = tiny();
    const h = designHash(d);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    const moved = {
      ...d,
      name: 'x',
      nodes: d.nodes.map((n) => ({ ...n, label: `${n.label}_`, position: { x: 1, y: 2 } })),
    };
    expect(designHash(moved as Design)).toBe(h);
    const wider = {
      ...d,
      nodes: d.nodes.map((n) => (n.id === 'n2' ? { ...n, params: { ...n.params, outChannels: 7 } } : n)),
    };
    expect(designHash(wider as Design)).not.toBe(h);
    expect(
      designHash({ ...d, weights: { source: 'f', layers: { n2: { weight: new Float32Array(0) } } } }),
    ).not.toBe(h);
  });
});

describe('cli', () => {
  it('export --train writes the project folder; weights binds it back and writes the design', async () => {
    const design = serializeDesign(tiny());
    const r = await cli(['export', 'd.json', '-o', 'run/', '--train'], { 'd.json': design });
    expect(r.status).toBe(0);
    expect(Object.keys(r.written).sort()).toEqual(
      ['README.md', 'data.py', 'net.py', 'recipe.json', 'studio_keys.json', 'train.py'].map(
        (f) => `run/${f}`,
      ),
    );
    const files = { 'd.json': design, 'w.safetensors': trainedFile(tiny()), 'm.jsonl': metrics };
    const w = await cli(
      ['weights', 'd.json', '--load', 'w.safetensors', '--metrics', 'm.jsonl', '-o', 'out.json'],
      files,
    );
    expect(w.err).toBe('');
    expect(w.out).toMatch(
      /^bound 7 tensors \(256 values\) to 3 layers from w.safetensors; wrote out.json\nresult: cifar10 test top-1 68.00%, top-5 97.00%/,
    );
    const bad = await cli(['weights', 'd.json', '--load', 'w.safetensors', '-o', 'out2.json'], {
      ...files,
      'w.safetensors': trainedFile(tiny(), (t) => (t.name === 'n6.weight' ? undefined : t)),
    });
    expect(bad.status).toBe(1);
    expect(bad.err).toContain('1 weight of the design missing: n6.weight');
    expect(bad.written['out2.json']).toBeUndefined();
  });
});
