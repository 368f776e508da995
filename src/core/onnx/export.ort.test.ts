import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import type { Design } from '../graph/types';
import { examples } from '../examples/registry';
import { presets } from '../presets/registry';
import { fireNet, opZoo } from '../../../test-support/onnx-designs';
import { exportDesign } from './export/export';
import { encodeModel, pb, type P } from './proto';
import { MAX_OPSET, MIN_OPSET } from './version';

/** Adds every tensor with a value_info as an extra graph output, so ORT reports its shape. */
function withIntermediates(bytes: Uint8Array): { bytes: Uint8Array; names: string[] } {
  const model = pb.ModelProto.decode(bytes);
  const graph = model.graph as P.GraphProto;
  const extra = graph.valueInfo.map((v) => ({ ...v }));
  graph.output.push(...extra);
  return { bytes: encodeModel(model), names: graph.output.map((o) => o.name ?? '') };
}

function randomInput(shape: readonly number[], seed = 1): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) | 0;
    out[i] = ((s >>> 8) / 16777216) * 2 - 1;
  }
  return out;
}

async function run(bytes: Uint8Array, design: Design): Promise<Record<string, ort.Tensor>> {
  const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'disabled' });
  const feeds: Record<string, ort.Tensor> = {};
  const a = analyze(design);
  for (const l of a.layers)
    if (l.op === 'Input') {
      const shape = l.outputShapes[0] ?? [];
      feeds[l.name] = new ort.Tensor('float32', randomInput(shape), shape);
    }
  const out = await session.run(feeds);
  await session.release();
  return out;
}

/** Runs the design's export and checks every output and intermediate shape against the core's. */
async function checkRuns(design: Design, opset?: number): Promise<void> {
  const r = exportDesign(design, opset === undefined ? {} : { opset });
  if (!r.ok) throw new Error(r.errors.join('; '));
  const { bytes, names } = withIntermediates(r.bytes);
  const out = await run(bytes, design);
  const expected = new Map<string, readonly number[]>();
  for (const o of (r.model.graph?.output ?? []).concat(r.model.graph?.valueInfo ?? []))
    expected.set(o.name ?? '', o.type?.tensorType?.shape?.dim?.map((d) => Number(d.dimValue)) ?? []);
  const a = analyze(design);
  // value_info shapes are the core's: check that they are, then that ORT agrees with every one.
  for (const l of a.layers) {
    const [shape] = l.outputShapes;
    if (expected.has(l.name) && shape !== undefined) expect(expected.get(l.name), l.name).toEqual(shape);
  }
  for (const name of names) {
    const t = out[name];
    expect(t, name).toBeDefined();
    expect([...(t?.dims ?? [])], name).toEqual(expected.get(name));
  }
  for (const o of r.model.graph?.output ?? []) {
    const data = out[o.name ?? '']?.data as Float32Array;
    expect(data.every(Number.isFinite), `${o.name ?? ''} finite`).toBe(true);
  }
}

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
      await checkRuns(opZoo(), opset);
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
