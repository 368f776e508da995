import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBytes } from '../../../../test-support/onnx-round-trip';
import { analyze } from '../../analysis/analyze';
import { examples } from '../../examples/example-registry';
import { GraphBuilder } from '../../design/builder';
import type { Design } from '../../design/design-types';
import { weightSpecs } from '../../onnx/layer-weights';
import { presets } from '../../presets/preset-registry';
import { encodeSafetensors } from '../safetensors';
import { loadTrained } from './load-trained';
import { trainingProject } from './project';
import { decodeSafetensors } from './trained-weights';

/**
 * The exported training project run by PyTorch itself (CI: Debian's torch 1.13, CPU): DDP under
 * torch.distributed.run with gloo, resuming after a SIGTERM, and the trained weights back into the
 * design, checked against onnxruntime on the design's own ONNX export.
 */
const python = process.env['PYTHON'] ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const dir = mkdtempSync(join(tmpdir(), 'train-project-'));
const env = { ...process.env, OMP_NUM_THREADS: '1' };

/** A small classifier without batch norm or dropout, whose training is the same at any process count. */
function tiny(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 8, width: 8 }, [], 'image');
  const c1 = g.add('Conv2d', { outChannels: 8, kernel: [3, 3], padding: [1, 1] }, [x], 'conv1');
  const r1 = g.add('ReLU', {}, [c1], 'relu1');
  const c2 = g.add(
    'Conv2d',
    { outChannels: 16, kernel: [3, 3], stride: [2, 2], padding: [1, 1], bias: true },
    [r1],
    'conv2',
  );
  const r2 = g.add('ReLU', {}, [c2], 'relu2');
  const p = g.add('GlobalAvgPool', {}, [r2], 'pool');
  const f = g.add('Flatten', {}, [p], 'flat');
  const l = g.add('Linear', { outFeatures: 10 }, [f], 'fc');
  g.output(l);
  return g.design('tiny');
}

function writeProject(design: Design, folder: string, recipe?: Record<string, unknown>): void {
  const r = trainingProject(design);
  if (!r.ok) throw new Error(r.errors.join('; '));
  for (const f of r.files) {
    let data = f.data;
    if (f.path === 'recipe.json' && recipe !== undefined)
      data = JSON.stringify({ ...(JSON.parse(f.data as string) as object), ...recipe });
    spawnSync('mkdir', ['-p', folder]);
    writeFileSync(join(folder, f.path), data);
  }
}

function run(args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-6000)));
    child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-6000)));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, out });
    });
  });
}

interface Line {
  event?: string;
  split?: string;
  step?: number;
  epoch?: number;
  loss?: number;
  top1?: number;
}
const metrics = (folder: string): Line[] =>
  readFileSync(join(folder, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
const tensorsOf = (file: string) => {
  const d = decodeSafetensors(new Uint8Array(readFileSync(file)), file);
  if (!d.ok) throw new Error(d.error);
  return d.tensors;
};

const project = join(dir, 'tiny');
// Fast enough to learn in a few dozen steps: no warm-up, a constant rate.
// SGD, as the tests of batch scaling need (the design has no batch norm, so its default is Adam).
const recipe = {
  optimizer: 'sgd',
  momentum: 0.9,
  nesterov: true,
  warmupEpochs: 0,
  schedule: 'constant',
  learningRate: 0.2,
  referenceBatch: 16,
};
const common = ['--data', 'synthetic', '--log-every', '1', '--seed', '3'];

beforeAll(() => {
  const probe = spawnSync(python, ['-c', 'import torch, torchvision, numpy'], { encoding: 'utf8' });
  if (probe.status !== 0)
    throw new Error(
      `The training project tests need Python 3 with PyTorch, torchvision and NumPy (${python} could not import them): apt-get install -y python3-torch python3-torchvision python3-numpy, or set PYTHON.`,
    );
  writeProject(tiny(), project, recipe);
}, 120_000);

afterAll(() => {
  if (process.env.KEEP_TORCH_DIR === undefined) rmSync(dir, { recursive: true, force: true });
});

describe('train.py starts a design without weights as the studio does', () => {
  it('He uniform: every weight within ±√(6 / fan-in) with variance 2 / fan-in, biases 0', () => {
    // SqueezeNet has no batch norm: from PyTorch's default (bound 1/√fan-in) it stays at chance.
    const squeeze = presets.find((p) => p.name === 'squeezenet1_1')?.build();
    if (squeeze === undefined) throw new Error('no squeezenet1_1 preset');
    const folder = join(dir, 'he');
    writeProject(squeeze, folder);
    const check = [
      'import math, torch, net, train',
      'm = net.build_model(weights=None)',
      'import json',
      'assert json.load(open("recipe.json"))["init"] == "he-uniform"',
      'train.he_init(m)',
      'worst = 0.0',
      'for name, p in m.named_parameters():',
      '    if p.dim() > 1:',
      '        fan = p[0].numel()',
      '        assert p.abs().max() <= math.sqrt(6 / fan) + 1e-6, name',
      '        if p.numel() >= 4096: worst = max(worst, abs(p.var().item() * fan / 2 - 1))',
      '    elif name.endswith("bias"):',
      '        assert p.abs().max() == 0, name',
      'print("variance ratio off by at most %.3f" % worst)',
    ].join('\n');
    const r = spawnSync(python, ['-c', check], { cwd: folder, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const off = Number(/at most ([\d.]+)/.exec(r.stdout)?.[1]);
    expect(off).toBeLessThan(0.1);
  }, 180_000);
});

describe('train.py under torch.distributed.run', () => {
  const steps = ['--epochs', '1', '--max-steps', '40', '--synthetic-size', '1024'];
  let ddp: Line[] = [];
  beforeAll(async () => {
    // Debian's torch 1.13 on Python 3.11 needs --redirects and --tee given (a launcher bug).
    const two = run(
      [
        '-m',
        'torch.distributed.run',
        '--redirects',
        '1',
        '--tee',
        '1',
        '--standalone',
        '--nproc_per_node=2',
        'train.py',
        ...common,
        ...steps,
        '--batch',
        '8',
        '--out',
        'ddp',
      ],
      project,
    );
    const one = run(['train.py', ...common, ...steps, '--batch', '16', '--out', 'single'], project);
    const [a, b] = await Promise.all([two, one]);
    if (a.code !== 0) throw new Error(`two processes failed: ${a.out}`);
    if (b.code !== 0) throw new Error(`one process failed: ${b.out}`);
    ddp = metrics(join(project, 'ddp'));
  }, 240_000);

  it('two processes with gloo: the loss falls over 40 steps', () => {
    const train = ddp.filter((l) => l.split === 'train').map((l) => l.loss ?? NaN);
    expect(train).toHaveLength(40);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(train.slice(-5))).toBeLessThan(0.7 * mean(train.slice(0, 5)));
    expect(ddp[0]).toMatchObject({ event: 'start', processes: 2, global_batch: 16 });
  });

  it('two processes at batch 8 give the weights of one process at batch 16 within 1e-5', () => {
    const a = tensorsOf(join(project, 'ddp', 'weights.safetensors'));
    const b = tensorsOf(join(project, 'single', 'weights.safetensors'));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    let worst = 0;
    let moved = 0;
    for (const [name, t] of a) {
      const u = b.get(name)?.data ?? new Float32Array();
      t.data.forEach((v, i) => {
        worst = Math.max(worst, Math.abs(v - (u[i] ?? NaN)));
        moved = Math.max(moved, Math.abs(v));
      });
    }
    expect(worst).toBeLessThanOrEqual(1e-5);
    expect(moved).toBeGreaterThan(0);
  });
});

describe('train.py: preemption and back into the studio', () => {
  const folder = join(project, 'resumed');
  const whole = join(project, 'whole');
  const args = ['--epochs', '2', '--synthetic-size', '1024', '--batch', '8'];
  let stoppedAt = 0;
  beforeAll(async () => {
    const uninterrupted = run(['train.py', ...common, ...args, '--out', 'whole'], project);
    // Killed with SIGTERM once its first epoch is evaluated: it saves a checkpoint and stops.
    const killed = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn(python, ['train.py', ...common, ...args, '--out', 'resumed'], {
        cwd: project,
        env,
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const timer = setInterval(() => {
        const file = join(folder, 'metrics.jsonl');
        if (existsSync(file) && metrics(folder).some((l) => l.split === 'test' && l.epoch === 1)) {
          clearInterval(timer);
          child.kill('SIGTERM');
        }
      }, 20);
      child.on('error', reject);
      child.on('close', (code) => {
        clearInterval(timer);
        resolve({ code, out });
      });
    });
    if (killed.code !== 0) throw new Error(`the killed run failed: ${killed.out}`);
    stoppedAt = metrics(folder).find((l) => l.event === 'stopped')?.step ?? 0;
    const resumed = await run(['train.py', ...common, ...args, '--out', 'resumed', '--resume'], project);
    if (resumed.code !== 0) throw new Error(`the resumed run failed: ${resumed.out}`);
    const u = await uninterrupted;
    if (u.code !== 0) throw new Error(`the uninterrupted run failed: ${u.out}`);
  }, 240_000);

  it('a run killed after its first epoch resumes: its next step’s loss is the uninterrupted run’s', () => {
    expect(stoppedAt).toBeGreaterThanOrEqual(128); // 1024 images at batch 8: 128 steps an epoch
    expect(stoppedAt).toBeLessThan(256);
    const lossAt = (lines: Line[], step: number) =>
      lines.filter((l) => l.split === 'train' && l.step === step).at(-1)?.loss;
    const after = lossAt(metrics(folder), stoppedAt + 1);
    expect(after).toBeDefined();
    expect(Math.abs((after ?? NaN) - (lossAt(metrics(whole), stoppedAt + 1) ?? NaN))).toBeLessThanOrEqual(
      1e-6,
    );
    // And the finished weights are the uninterrupted run's.
    const a = tensorsOf(join(folder, 'weights.safetensors'));
    const b = tensorsOf(join(whole, 'weights.safetensors'));
    for (const [name, t] of a)
      t.data.forEach((v, i) => {
        expect(Math.abs(v - (b.get(name)?.data[i] ?? NaN)), name).toBeLessThanOrEqual(1e-6);
      });
  });

  it('the trained weights load back into the design, and its ONNX export gives PyTorch’s logits within 1e-4', async () => {
    const weights = new Uint8Array(readFileSync(join(whole, 'weights.safetensors')));
    const text = readFileSync(join(whole, 'metrics.jsonl'), 'utf8');
    const loaded = loadTrained(tiny(), weights, 'weights.safetensors', { text, file: 'metrics.jsonl' });
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.result).toMatchObject({
      engine: 'pytorch',
      dataset: { name: 'synthetic', split: 'test' },
      steps: 256,
    });
    expect(loaded.result?.top1).toBeGreaterThan(0.5);
    // PyTorch's logits of the trained network (from its checkpoint) on a fixed input.
    const input = Float32Array.from({ length: 3 * 8 * 8 }, (_, i) => Math.sin(i * 0.37));
    writeFileSync(join(dir, 'input.bin'), input);
    const script = [
      'import sys, torch; sys.path.insert(0, ".")',
      'import net',
      'm = net.build_model(weights=None); m.load_state_dict(torch.load("whole/checkpoint.pt")["model"]); m.eval()',
      `x = torch.frombuffer(bytearray(open(${JSON.stringify(join(dir, 'input.bin'))}, "rb").read()), dtype=torch.float32).reshape(1, 3, 8, 8)`,
      `open(${JSON.stringify(join(dir, 'logits.bin'))}, "wb").write(m(x).detach().numpy().tobytes())`,
    ].join('\n');
    const r = await run(['-c', script], project);
    if (r.code !== 0) throw new Error(r.out);
    const torchLogits = new Float32Array(new Uint8Array(readFileSync(join(dir, 'logits.bin'))).buffer);
    for (const bytes of [
      exportBytes(loaded.design),
      new Uint8Array(readFileSync(join(whole, 'model.onnx'))),
    ]) {
      const session = await ort.InferenceSession.create(bytes);
      const out = await session.run({
        [session.inputNames[0] ?? '']: new ort.Tensor('float32', input, [1, 3, 8, 8]),
      });
      const logits = out[session.outputNames[0] ?? '']?.data as Float32Array;
      await session.release();
      expect(logits).toHaveLength(10);
      logits.forEach((v, i) => {
        expect(Math.abs(v - (torchLogits[i] ?? NaN))).toBeLessThanOrEqual(1e-4);
      });
    }
  }, 120_000);

  it('a file with one tensor of a wrong shape is refused, naming the key, and nothing is loaded', () => {
    const tensors = tensorsOf(join(whole, 'weights.safetensors'));
    const named = [...tensors].map(([name, t]) =>
      name === 'n4.weight'
        ? { name, shape: [t.shape[0] ?? 0, 2, 3, 3], data: t.data.subarray(0, (t.shape[0] ?? 0) * 18) }
        : { name, shape: t.shape, data: t.data },
    );
    const design = tiny();
    const r = loadTrained(design, encodeSafetensors(named), 'bad.safetensors');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.keys).toEqual(['n4.weight']);
    expect(r.error).toContain('n4.weight (16×2×3×3 in the file, 16×8×3×3 in the design)');
    expect(design.weights).toBeUndefined();
  });
});

/** Every preset (at 32×32, so that two steps are quick) and every example, as it is listed. */
const zoo: [string, Design][] = [
  ...presets.map((p): [string, Design] => [p.name, p.build({ resolution: 32 })]),
  ...examples.map((e): [string, Design] => [`example_${e.name}`, e.build()]),
];

describe('every preset and example exports a training project that trains', () => {
  const results = new Map<string, { ok?: boolean; error?: string }>();
  beforeAll(async () => {
    const cases = zoo.map(([name, design]) => {
      const folder = join(dir, 'zoo', name);
      writeProject(design, folder);
      const out = join(folder, 'run');
      return {
        name,
        dir: folder,
        args: [
          '--data',
          'synthetic',
          '--epochs',
          '1',
          '--max-steps',
          '2',
          '--batch',
          '4',
          '--synthetic-size',
          '16',
          '--log-every',
          '1',
          '--out',
          out,
        ],
      };
    });
    // Two Python processes, each with every other project: torch is imported once per process.
    const parts = [0, 1].map((k) => cases.filter((_, i) => i % 2 === k));
    const runs = await Promise.all(
      parts.map(async (part, k) => {
        const manifest = join(dir, `zoo${k}.json`);
        const output = join(dir, `zoo${k}.results.json`);
        writeFileSync(manifest, JSON.stringify(part));
        const r = await run(
          [join(__dirname, '../../../../test-support/train_projects.py'), manifest, output],
          dir,
        );
        if (r.code !== 0) throw new Error(r.out);
        return (
          JSON.parse(readFileSync(output, 'utf8')) as {
            results: { name: string; ok?: boolean; error?: string }[];
          }
        ).results;
      }),
    );
    for (const r of runs.flat()) results.set(r.name, r);
  }, 600_000);

  it.each(zoo)(
    '%s: train.py completes two steps, and its weights load back into the design',
    (name, design) => {
      const r = results.get(name);
      expect(r?.error).toBeUndefined();
      expect(r?.ok).toBe(true);
      const folder = join(dir, 'zoo', name, 'run');
      expect(metrics(folder).at(-1)).toMatchObject({ event: 'end', step: 2 });
      expect(existsSync(join(folder, 'model.onnx'))).toBe(true);
      const loaded = loadTrained(
        design,
        new Uint8Array(readFileSync(join(folder, 'weights.safetensors'))),
        'weights.safetensors',
      );
      if (!loaded.ok) throw new Error(loaded.error);
      expect(loaded.layers).toBe(analyze(design).layers.filter((l) => weightSpecs(l).length > 0).length);
    },
    120_000,
  );
});
