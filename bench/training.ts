import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDesign } from '../src/core/document/format';
import type { Design } from '../src/core/design/design-types';
import { findPreset } from '../src/core/presets/preset-registry';
import { exportTorch } from '../src/core/torch/torch-export';
import {
  chooseBackend,
  defaultRecipe,
  FASHION_MNIST_SUBSET,
  takeImages,
  trainDesign,
} from '../src/core/train';
import { loadTrainData, wasmDir } from '../src/cli/train-data';
import { browserImagesPerSecond } from './training-browser';

/**
 * Training throughput: images per second of the training steps (evaluation excluded) for three
 * designs on the Fashion-MNIST subset at batch 64, the tfjs engine on WASM in Node and the
 * design's PyTorch export on the CPU, in the same run on the same machine; the ratio is the figure
 * to improve (the goal: within 3× of PyTorch). Each engine runs a few warm-up steps first (the
 * browser's in the same worker), as PyTorch's script does. Peak memory is each process's resident maximum
 * (Node's includes the bench's own). The browser column runs the Train tab's own worker in
 * Chromium on the same recipe (bench/training-browser.ts), after the Node and PyTorch runs.
 */
const STEPS = 12;
const python = '/usr/bin/python3';

function designs(): [string, Design][] {
  const small = parseDesign(readFileSync(path.resolve('fixtures/train/small-cnn.json'), 'utf8'));
  if (!small.ok) throw new Error(small.errors.join('; '));
  const preset = (name: string, width: number): Design => {
    const p = findPreset(name);
    if (p === undefined) throw new Error(`no preset ${name}`);
    return p.build({ resolution: 28, classes: 10, width });
  };
  return [
    ['small CNN (20k params)', small.design],
    ['ShuffleNetV2 0.5× at 28×28', preset('shufflenet_v2_x0_5', 1)],
    ['MobileNetV2 0.35× at 28×28', preset('mobilenet_v2', 0.35)],
  ];
}

export async function benchTraining(): Promise<void> {
  await chooseBackend({ wasmPaths: wasmDir, only: 'wasm' });
  const full = await loadTrainData('fashion-mnist');
  const data = { ...full, train: takeImages(full.train, 64 * (STEPS + 2)), eval: takeImages(full.eval, 256) };
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-train-'));
  const rows: string[][] = [
    [
      'design',
      'params',
      'tfjs-wasm images/s',
      'browser images/s',
      'PyTorch CPU images/s',
      'ratio',
      'Node peak MB',
      'PyTorch peak MB',
    ],
  ];
  const browserRuns: { design: Design; recipe: ReturnType<typeof defaultRecipe>; evalLimit: number }[] = [];
  try {
    for (const [name, design] of designs()) {
      const recipe = { ...defaultRecipe('fashion-mnist'), maxSteps: STEPS, epochs: 1 };
      browserRuns.push({ design, recipe, evalLimit: 256 });
      // Warm-up: a process's first steps compile and grow the WASM heap (the small CNN's first 12
      // steps ran at 133 images/s, the next 12 at 522); the table is the steady pace of an epoch.
      await trainDesign(design, data, { ...recipe, maxSteps: 3 });
      const outcome = await trainDesign(design, data, recipe);
      const tfjs = outcome.result.imagesPerSecond ?? 0;
      const nodePeak = process.resourceUsage().maxRSS / 1024;
      const exported = exportTorch(design, { weights: true, weightsFile: path.join(dir, 'w.safetensors') });
      let torch: { imagesPerSecond: number; peakMB: number } | undefined;
      if (exported.ok && exported.weights !== undefined) {
        writeFileSync(path.join(dir, 'model.py'), exported.source);
        writeFileSync(path.join(dir, 'w.safetensors'), exported.weights);
        const input = design.nodes.find((n) => n.kind === 'Input');
        const shape =
          input?.kind === 'Input'
            ? [input.params.channels, input.params.height, input.params.width]
            : [1, 28, 28];
        writeFileSync(
          path.join(dir, 'recipe.json'),
          JSON.stringify({ ...recipe, steps: STEPS, inputShape: shape }),
        );
        const folder = path.resolve('public', FASHION_MNIST_SUBSET.folder);
        const r = spawnSync(
          python,
          [
            path.resolve('fixtures/train/torch_train.py'),
            path.join(dir, 'model.py'),
            path.join(dir, 'recipe.json'),
            folder,
            String(64 * (STEPS + 2)),
            '256',
          ],
          { encoding: 'utf8' },
        );
        if (r.status === 0) torch = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as typeof torch;
        else console.error(`PyTorch run failed for ${name}: ${r.stderr.split('\n').slice(-3).join(' ')}`);
      }
      rows.push([
        name,
        String(outcome.result.costs.params),
        tfjs.toFixed(1),
        '',
        torch === undefined ? '–' : torch.imagesPerSecond.toFixed(1),
        torch === undefined || tfjs === 0 ? '–' : `${(torch.imagesPerSecond / tfjs).toFixed(1)}×`,
        nodePeak.toFixed(0),
        torch === undefined ? '–' : torch.peakMB.toFixed(0),
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const browser = await browserImagesPerSecond(browserRuns);
  browser.forEach((ips, i) => {
    const row = rows[i + 1];
    if (row !== undefined) row[3] = ips === undefined ? '–' : ips.toFixed(1);
  });
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  console.log(
    `\nTraining throughput (batch 64, ${STEPS} steps, Fashion-MNIST subset; ratio = PyTorch ÷ tfjs in Node)`,
  );
  for (const r of rows)
    console.log(
      r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '),
    );
}
