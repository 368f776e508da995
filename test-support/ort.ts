import * as ort from 'onnxruntime-node';
import { expect } from 'vitest';
import { analyze } from '../src/core/analysis/analyze';
import type { Design } from '../src/core/design/design-types';
import { exportDesign, type ExportOptions } from '../src/core/onnx/export/onnx-export';
import { encodeModel, pb, type P } from '../src/core/onnx/proto';

/** Adds every tensor with a value_info as an extra graph output, so ORT reports its shape. */
export function withIntermediates(bytes: Uint8Array): { bytes: Uint8Array; names: string[] } {
  const model = pb.ModelProto.decode(bytes);
  const graph = model.graph as P.GraphProto;
  const extra = graph.valueInfo.map((v) => ({ ...v }));
  graph.output.push(...extra);
  return { bytes: encodeModel(model), names: graph.output.map((o) => o.name ?? '') };
}

export function randomInput(shape: readonly number[], seed = 1): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) | 0;
    out[i] = ((s >>> 8) / 16777216) * 2 - 1;
  }
  return out;
}

/** Runs the model on seeded random values for every Input of the design (distinct per input). */
export async function run(bytes: Uint8Array, design: Design): Promise<Record<string, ort.Tensor>> {
  const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'disabled' });
  const feeds: Record<string, ort.Tensor> = {};
  const a = analyze(design);
  let seed = 1;
  for (const l of a.layers)
    if (l.op === 'Input') {
      const shape = l.outputShapes[0] ?? [];
      feeds[l.name] = new ort.Tensor('float32', randomInput(shape, seed++), shape);
    }
  const out = await session.run(feeds);
  await session.release();
  return out;
}

/**
 * Exports the design, runs it in onnxruntime and checks every output and intermediate shape
 * against the core's, and that every output is finite. Returns the export's bytes.
 */
export async function checkRuns(
  design: Design,
  options: Pick<ExportOptions, 'opset' | 'shift' | 'foldBatchNorm'> = {},
): Promise<Uint8Array> {
  const r = exportDesign(design, options);
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
  return r.bytes;
}
