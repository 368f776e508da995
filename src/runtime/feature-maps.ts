import { resolveTarget, type RunnableModel } from './model';
import type { OrtModule } from './ort-loader';
import type { BackendKind, FeatureTarget } from './protocol';
import { createSession, feedsFor, readTensor } from './session';

/** Feature maps: every node's output tensor, from one run of a session built for them. */

export interface FeatureValue {
  readonly tensor: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/**
 * One run of a second session whose graph outputs every node's tensor (extra outputs change
 * timings, so the timed session never has them). Keyed by design node id; nodes whose candidates
 * name no tensor of the model are left out.
 */
export async function computeFeatures(
  ort: OrtModule,
  kind: BackendKind,
  model: RunnableModel,
  input: { readonly data: Float32Array; readonly shape: readonly number[] } | undefined,
  targets: readonly FeatureTarget[],
  timeoutMs: number,
): Promise<Map<string, FeatureValue>> {
  const names = new Map<string, string>();
  for (const t of targets) {
    const name = resolveTarget(model, t);
    if (name !== undefined) names.set(t.nodeId, name);
  }
  const bytes = model.withOutputs([...new Set(names.values())]);
  const session = await createSession(ort, bytes, { backend: kind, profiling: false, timeoutMs });
  const result = new Map<string, FeatureValue>();
  try {
    const first = model.inputs[0];
    const feeds =
      first === undefined || input === undefined ? {} : feedsFor(ort, first.name, input.data, input.shape)();
    const out = await session.run(feeds);
    const read = new Map<string, FeatureValue>();
    for (const [name, t] of Object.entries(out)) {
      read.set(name, { tensor: name, shape: [...t.dims], data: await readTensor(t) });
      t.dispose();
    }
    for (const [nodeId, name] of names) {
      const v = read.get(name);
      if (v !== undefined) result.set(nodeId, v);
    }
  } finally {
    await session.release();
  }
  return result;
}

/** The first `maxChannels` channels of a map, copied (a 1×C×H×W tensor; anything else counts as C×1×1). */
export function firstChannels(f: FeatureValue, maxChannels: number): Float32Array {
  const [, c = 1, h = 1, w = 1] = f.shape.length === 4 ? f.shape : [1, f.data.length, 1, 1];
  const keep = Math.min(c, maxChannels);
  return f.data.slice(0, keep * h * w);
}
