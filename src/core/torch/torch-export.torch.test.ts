import { exportBytes, importDesign } from '../../../test-support/onnx-round-trip';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import type { Design } from '../design/design-types';
import { examples } from '../examples/example-registry';
import { blockZoo, fireNet, opZoo } from '../../../test-support/onnx-designs';
import { blockDesign, opDesign } from '../../../test-support/conformance-designs';
import { anyBlockDef, blockKinds } from '../blocks/block-registry';
import { anyOpDef, opKinds } from '../ops/op-registry';
import { presets } from '../presets/preset-registry';
import { exportTorch, torchParams } from './torch-export';

/**
 * The PyTorch export against independent references: PyTorch itself counts the parameters,
 * onnxruntime runs the ONNX export (same weights) or the original torchvision file, and our
 * importer reads back what torch.onnx.export writes from the generated module. All the Python
 * work runs in one process (test-support/torch_check.py), since importing torch takes seconds.
 */
const python = process.env['PYTHON'] ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const fixtureDir = join(__dirname, '../../../fixtures/torch');

interface Case {
  readonly name: string;
  readonly design: Design;
  /** The ONNX file whose outputs the module must give: the design's own export, or an original file. */
  readonly reference: Uint8Array;
  /** torch.onnx.export the module and import it back. */
  readonly roundTrip: boolean;
}

/** TORCH_CASES=regex runs only the cases it matches (one kind's, while writing it). */
const only = process.env['TORCH_CASES'];
const allDesigns: [string, Design][] = [
  ...presets.map((p): [string, Design] => [p.name, p.build()]),
  ...examples.map((e): [string, Design] => [`example_${e.name}`, e.build()]),
  ['op_zoo', opZoo()],
  ['fire_net', fireNet()],
  ['block_zoo', blockZoo()],
  // Every kind's own conformance cases (but the opaque op's, which has no PyTorch form): a kind
  // that lands with a wrong PyTorch form fails here by name.
  ...opKinds
    .filter((k) => anyOpDef(k).pytorch.form !== 'none')
    .flatMap((k) =>
      anyOpDef(k).conformance.map((c): [string, Design] => [`op_${k}_${c.name}`, opDesign(k, c)]),
    ),
  ...blockKinds.flatMap((k) =>
    anyBlockDef(k).conformance.map((c): [string, Design] => [`block_${k}_${c.name}`, blockDesign(k, c)]),
  ),
];
const designs = allDesigns.filter(([name]) => only === undefined || new RegExp(only).test(name));
const torchFiles = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.onnx.gz'))
  .sort()
  .map(
    (f) =>
      [
        f.slice(0, -'.onnx.gz'.length),
        new Uint8Array(gunzipSync(readFileSync(join(fixtureDir, f)))),
      ] as const,
  );

/** A case name that is also a file and module name. */
const safe = (name: string): string => name.replace(/[^A-Za-z0-9_]+/g, '_');

const cases: Case[] = [
  ...designs.map(([name, design]) => ({
    name: safe(name),
    design,
    reference: exportBytes(design, { seed: 0 }),
    roundTrip: true,
  })),
  ...torchFiles
    .filter(() => only === undefined)
    .map(([name, bytes]) => ({
      name: safe(`torch_${name}`),
      design: importDesign(bytes),
      reference: bytes,
      roundTrip: false,
    })),
];

function input(shape: readonly number[], seed: number): Float32Array {
  const out = new Float32Array(shape.reduce((a, b) => a * b, 1));
  let s = seed;
  for (let i = 0; i < out.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) | 0;
    out[i] = ((s >>> 8) / 16777216) * 2 - 1;
  }
  return out;
}

interface Result {
  readonly name: string;
  readonly error?: string;
  readonly compiled?: boolean;
  readonly eval?: boolean;
  readonly params?: number;
  readonly inputShapes?: number[][];
  readonly outputs?: { shape: number[]; maxDiff: number | null; scale: number }[];
  readonly onnx?: string;
  readonly onnxUnfolded?: string;
}

/** Runs torch_check.py on some cases; resolves with its results or rejects with its error output. */
function checkInPython(cases: readonly object[], k: number): Promise<Result[]> {
  const manifest = join(dir, `manifest${k}.json`);
  const output = join(dir, `results${k}.json`);
  writeFileSync(manifest, JSON.stringify(cases));
  return new Promise((resolve, reject) => {
    const child = spawn(python, [join(__dirname, '../../../test-support/torch_check.py'), manifest, output], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`torch_check.py failed (${code}): ${stderr}`));
      else resolve((JSON.parse(readFileSync(output, 'utf8')) as { results: Result[] }).results);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'torch-export-'));
const results = new Map<string, Result>();
const expectedShapes = new Map<string, number[][]>();

beforeAll(async () => {
  const probe = spawnSync(python, ['-c', 'import torch, numpy'], { encoding: 'utf8' });
  if (probe.status !== 0)
    throw new Error(
      `The PyTorch export tests need Python 3 with PyTorch and NumPy (${python} could not import them): install python3-torch and python3-numpy (apt-get install -y python3-torch python3-numpy), or set PYTHON to an interpreter that has torch.`,
    );
  const manifest: object[] = [];
  for (const c of cases) {
    const r = exportTorch(c.design, { weights: true, weightsFile: `${c.name}.safetensors` });
    if (!r.ok) throw new Error(`${c.name}: ${r.errors.join('; ')}`);
    writeFileSync(join(dir, `${c.name}.py`), r.source);
    if (r.weights !== undefined) writeFileSync(join(dir, `${c.name}.safetensors`), r.weights);
    const session = await ort.InferenceSession.create(c.reference);
    const shapes = analyze(c.design)
      .layers.filter((l) => l.op === 'Input')
      .map((l) => [...(l.outputShapes[0] ?? [])]);
    const feeds: Record<string, ort.Tensor> = {};
    const inputs = session.inputNames.map((name, i) => {
      const shape = shapes[i] ?? [];
      const file = join(dir, `${c.name}.in${i}.bin`);
      const data = input(shape, i + 1);
      writeFileSync(file, data);
      feeds[name] = new ort.Tensor('float32', data, shape);
      return { file, shape };
    });
    const out = await session.run(feeds);
    await session.release();
    const outputs = session.outputNames.map((name, i) => {
      const t = out[name] as ort.Tensor;
      const file = join(dir, `${c.name}.out${i}.bin`);
      writeFileSync(file, t.data as Float32Array);
      return { file, shape: [...t.dims] };
    });
    expectedShapes.set(c.name, shapes);
    manifest.push({
      name: c.name,
      module: c.name,
      py: join(dir, `${c.name}.py`),
      inputs,
      outputs,
      onnx: c.roundTrip ? join(dir, `${c.name}.torch.onnx`) : null,
      onnxUnfolded: c.roundTrip ? join(dir, `${c.name}.unfolded.onnx`) : null,
    });
  }
  // Two Python processes, each with every other case: the test's time halves where cores allow.
  const parts = [0, 1].map((k) => manifest.filter((_, i) => i % 2 === k));
  const runs = await Promise.all(parts.map((part, k) => checkInPython(part, k)));
  for (const r of runs.flat()) results.set(r.name, r);
}, 300_000);

afterAll(() => {
  if (process.env.KEEP_TORCH_DIR === undefined) rmSync(dir, { recursive: true, force: true });
});

const resultOf = (name: string): Result => {
  const r = results.get(name);
  if (r === undefined) throw new Error(`${name}: not checked`);
  if (r.error !== undefined) throw new Error(`${name}: ${r.error}`);
  return r;
};

describe('PyTorch export, checked in PyTorch', () => {
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: compiles, counts the design’s params, builds in eval mode',
    (name, c) => {
      const r = resultOf(name);
      expect(r.compiled).toBe(true);
      expect(r.eval).toBe(true);
      // The design's params, but a versatile conv's module holds only its primary filters.
      expect(r.params).toBe(torchParams(analyze(c.design)));
      expect(r.inputShapes).toEqual(expectedShapes.get(name));
    },
  );

  /** One kind's minimal design agrees within 1e-5; a whole network, whose float32 error adds up over depth, 1e-4. */
  const tolerance = (name: string): number => (/^(op|block)_/.test(name) ? 1e-5 : 1e-4);
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: gives onnxruntime’s outputs of the ONNX file (1e-5 for one kind, 1e-4 for a network)',
    (name) => {
      const r = resultOf(name);
      expect(r.outputs?.length).toBeGreaterThan(0);
      for (const o of r.outputs ?? []) {
        expect(o.maxDiff, `${name}: output shape ${o.shape.join('×')}`).not.toBeNull();
        // Relative to the outputs' size, so that large logits and small probabilities are held alike.
        expect(o.maxDiff ?? Infinity).toBeLessThanOrEqual(tolerance(name) * Math.max(1, o.scale));
        expect(o.scale).toBeGreaterThan(0);
      }
    },
  );

  it.each(cases.filter((c) => c.roundTrip).map((c) => [c.name, c] as const))(
    '%s: torch.onnx.export of the module imports back with the same params and multiply-adds',
    (name, c) => {
      const r = resultOf(name);
      const back = analyze(importDesign(new Uint8Array(readFileSync(r.onnx ?? ''))));
      const want = analyze(c.design).totals;
      expect([back.totals.params, back.totals.multiplyAdds]).toEqual([want.params, want.multiplyAdds]);
    },
  );

  // Folding off, a versatile conv's weight is weight × masks (Unsqueeze, Mul, Reshape of stored
  // tensors): the import folds it to the same dense weight.
  it.each(cases.filter((c) => c.roundTrip).map((c) => [c.name, c] as const))(
    '%s: torch.onnx.export with constant folding off imports back with the same params and multiply-adds',
    (name, c) => {
      const r = resultOf(name);
      const back = analyze(importDesign(new Uint8Array(readFileSync(r.onnxUnfolded ?? ''))));
      const want = analyze(c.design).totals;
      expect([back.totals.params, back.totals.multiplyAdds]).toEqual([want.params, want.multiplyAdds]);
    },
  );
});

describe('PyTorch export, the blocks come back', () => {
  const kinds = (d: Design) => d.nodes.map((n) => n.kind).filter((k) => !['Input', 'Output'].includes(k));
  const blockCases = cases.filter((c) => c.roundTrip && c.name.startsWith('block_'));
  const back = (name: string) => importDesign(new Uint8Array(readFileSync(resultOf(name).onnx ?? '')));
  // Every block, the shift block's torch Shift (a chain of Slices per channel group) included.
  it.each(blockCases.map((c) => [c.name, c] as const))(
    '%s: torch.onnx.export of the module imports back as the same kinds as this app’s own export',
    (name, c) => {
      // A stage comes back as its units from both exports: an ONNX file has no stages.
      expect(kinds(back(name))).toEqual(kinds(importDesign(c.reference)));
    },
  );
  // Folding off, torch writes shapes as Shape/Gather/Concat chains: the same blocks must come back.
  it.each(blockCases.map((c) => [c.name, c] as const))('%s: with constant folding off, too', (name, c) => {
    const unfolded = importDesign(new Uint8Array(readFileSync(resultOf(name).onnxUnfolded ?? '')));
    expect(kinds(unfolded)).toEqual(kinds(importDesign(c.reference)));
  });
});
