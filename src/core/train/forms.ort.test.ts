import * as ort from 'onnxruntime-node';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import type { Design, DesignWeights } from '../design/design-types';
import { exportDesign } from '../onnx/export/onnx-export';
import { valueCount, weightSpecs } from '../onnx/layer-weights';
import { conformanceDesigns } from '../../../test-support/conformance-designs';
import { seeded, useWasm } from '../../../test-support/tfjs';
import { inferOutputs } from './network';

/**
 * Every op and block kind's training form (through the registry's conformance cases) computes
 * what onnxruntime computes on the ONNX export of the same design with the same weights: random
 * values for every weight, batch-norm statistics included, and a batch of two random inputs.
 */

/** Random weights for every layer (variances positive), so no layer is the identity. */
function randomWeights(design: Design): DesignWeights {
  const layers: Record<string, Record<string, Float32Array>> = {};
  let seed = 7;
  for (const l of analyze(design).layers)
    for (const spec of weightSpecs(l)) {
      const n = valueCount(spec.dims);
      const values = spec.role === 'running_var' ? seeded(n, seed++, 0.5, 1.5) : seeded(n, seed++, -0.5, 0.5);
      (layers[l.key] ??= {})[spec.role] = values;
    }
  return { source: 'test', layers };
}

const BATCH = 2;

beforeAll(useWasm);

const cases = conformanceDesigns();

it('an opaque op (an imported op with no known form) is refused in one sentence', () => {
  const opaque = cases.filter((c) => c.name.startsWith('op Opaque'));
  expect(opaque.length).toBeGreaterThan(0);
  for (const c of opaque)
    expect(() => inferOutputs(c.design, new Map())).toThrow(
      /has no training form: an opaque imported op cannot learn/,
    );
});

describe.each(cases.filter((c) => !c.name.startsWith('op Opaque')))('$name', ({ design: bare, options }) => {
  it('the training form equals onnxruntime within 1e-4', async () => {
    const design = { ...bare, weights: randomWeights(bare) };
    const exported = exportDesign(design, { ...options, opset: 17 });
    if (!exported.ok) throw new Error(exported.errors.join('; '));
    const session = await ort.InferenceSession.create(exported.bytes, { graphOptimizationLevel: 'disabled' });
    const feeds: Record<string, ort.Tensor> = {};
    const inputs = new Map<string, tf.Tensor>();
    let seed = 1;
    for (const l of analyze(design).layers)
      if (l.op === 'Input') {
        const shape = [BATCH, ...(l.outputShapes[0] ?? []).slice(1)];
        const values = seeded(valueCount(shape), seed++);
        const onnxShape =
          exported.model.graph?.input
            ?.find((i) => i.name === l.name)
            ?.type?.tensorType?.shape?.dim?.map((d) => Number(d.dimValue)) ?? [];
        // The export fixes the batch at 1: feed the two images one at a time.
        feeds[l.name] = new ort.Tensor('float32', values, shape);
        expect(onnxShape.slice(1)).toEqual(shape.slice(1));
        inputs.set(l.name, tf.tensor(values, shape));
      }
    const got = inferOutputs(design, inputs);
    const names = exported.model.graph?.output?.map((o) => o.name ?? '') ?? [];
    expect(got.size).toBe(names.length);
    for (let b = 0; b < BATCH; b++) {
      const one: Record<string, ort.Tensor> = {};
      for (const [k, t] of Object.entries(feeds)) {
        const per = t.size / BATCH;
        one[k] = new ort.Tensor('float32', (t.data as Float32Array).slice(b * per, (b + 1) * per), [
          1,
          ...t.dims.slice(1),
        ]);
      }
      const out = await session.run(one);
      for (const [i, name] of names.entries()) {
        const want = out[name]?.data as Float32Array;
        const mine = [...got.values()][i] as tf.Tensor;
        const per = mine.size / BATCH;
        const have = (mine.dataSync() as Float32Array).slice(b * per, (b + 1) * per);
        expect(have.length, name).toBe(want.length);
        let worst = 0;
        for (let j = 0; j < want.length; j++)
          worst = Math.max(
            worst,
            Math.abs((have[j] ?? 0) - (want[j] ?? 0)) / Math.max(1, Math.abs(want[j] ?? 0)),
          );
        expect(worst, `${name}, image ${b}`).toBeLessThan(1e-4);
      }
    }
    await session.release();
    tf.dispose([...got.values(), ...inputs.values()]);
  });
});
