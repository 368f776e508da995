import { describe, expect, it } from 'vitest';
import type { Design } from '../design/design-types';
import { examples } from '../examples/example-registry';
import { presets } from '../presets/preset-registry';
import { fireNet, opZoo } from '../../../test-support/onnx-designs';
import { checkRuns, run } from '../../../test-support/ort';
import { exportDesign } from './export/onnx-export';
import { MAX_OPSET, MIN_OPSET } from './version';

describe('export runs in onnxruntime with the core’s shapes', () => {
  it('the op zoo (every primitive)', async () => {
    await checkRuns(opZoo());
  });
  it('a Fire network', async () => {
    await checkRuns(fireNet());
  });
  it.each(Array.from({ length: MAX_OPSET - MIN_OPSET + 1 }, (_, i) => MIN_OPSET + i))(
    'opset %i',
    async (opset) => {
      await checkRuns(opZoo(), { opset });
    },
  );
  it.each(presets.map((p) => [p.name, p] as const))('preset %s', async (_name, preset) => {
    await checkRuns(preset.build());
  });
  it.each(examples.map((e) => [e.name, e] as const))('example %s', async (_name, example) => {
    await checkRuns(example.build());
  });
});

describe('export forms agree numerically', () => {
  const outputs = async (
    design: Design,
    options: Parameters<typeof exportDesign>[1],
  ): Promise<Float32Array> => {
    const r = exportDesign(design, options);
    if (!r.ok) throw new Error(r.errors.join('; '));
    const out = await run(r.bytes, design);
    return out['probs']?.data as Float32Array;
  };
  it('shift as slices equals shift as a one-hot depthwise conv', async () => {
    const a = await outputs(opZoo(), { shift: 'slice' });
    const b = await outputs(opZoo(), { shift: 'conv' });
    a.forEach((v, i) => {
      expect(v).toBeCloseTo(b[i] ?? NaN, 5);
    });
  });
  it('folding batch norm into the conv keeps the outputs', async () => {
    const a = await outputs(opZoo(), {});
    const b = await outputs(opZoo(), { foldBatchNorm: true });
    a.forEach((v, i) => {
      expect(v).toBeCloseTo(b[i] ?? NaN, 5);
    });
  });
});
