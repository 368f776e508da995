import type { Design } from '../core/design/design-types';
import { exportDesign } from '../core/onnx/export/onnx-export';
import { encodeModel, type P } from '../core/onnx/proto';
import type { FeatureTarget } from './protocol';

/**
 * The one adapter between the runtime and the ONNX exporter: everything the runtime needs of an
 * exported model goes through here, so changes to the exporter stay in this file.
 */

export interface TensorInfo {
  readonly name: string;
  readonly shape: readonly number[];
}

export interface RunnableModel {
  readonly bytes: Uint8Array;
  readonly inputs: readonly TensorInfo[];
  readonly outputs: readonly TensorInfo[];
  /** Every tensor a node of the graph writes (candidates for extra outputs). */
  readonly produced: ReadonlySet<string>;
  /** ONNX node name → its first output (a tensor renamed to an Output's label keeps its node's name). */
  readonly nodeOutputs: ReadonlyMap<string, string>;
  /** Adds graph outputs (for feature maps) and re-encodes; the original bytes stay as they are. */
  withOutputs(names: readonly string[]): Uint8Array;
}

export type ModelResult =
  | { readonly ok: true; readonly model: RunnableModel }
  | { readonly ok: false; readonly errors: readonly string[] };

export function buildModel(design: Design, options: { foldBatchNorm: boolean }): ModelResult {
  const r = exportDesign(design, { foldBatchNorm: options.foldBatchNorm });
  if (!r.ok) return { ok: false, errors: r.errors };
  const graph = r.model.graph ?? {};
  const info = (v: P.IValueInfoProto): TensorInfo => ({
    name: v.name ?? '',
    shape: (v.type?.tensorType?.shape?.dim ?? []).map((d) => Number(d.dimValue ?? 0)),
  });
  const produced = new Set<string>();
  const nodeOutputs = new Map<string, string>();
  for (const n of graph.node ?? []) {
    for (const o of n.output ?? []) if (o !== '') produced.add(o);
    const first = n.output?.[0];
    if (n.name != null && first !== undefined) nodeOutputs.set(n.name, first);
  }
  const outputs = (graph.output ?? []).map(info);
  const known = new Map<string, P.IValueInfoProto>();
  for (const v of [...(graph.valueInfo ?? []), ...(graph.output ?? [])]) known.set(v.name ?? '', v);
  return {
    ok: true,
    model: {
      bytes: r.bytes,
      inputs: (graph.input ?? []).map(info),
      outputs,
      produced,
      nodeOutputs,
      withOutputs(names) {
        const have = new Set(outputs.map((o) => o.name));
        const extra = names
          .filter((n) => !have.has(n) && produced.has(n))
          .map((name) => known.get(name) ?? { name, type: { tensorType: { elemType: 1 } } });
        return encodeModel({ ...r.model, graph: { ...graph, output: [...(graph.output ?? []), ...extra] } });
      },
    },
  };
}

/** The tensor holding a node's output: the first candidate that is a tensor, or a node's output. */
export function resolveTarget(model: RunnableModel, target: FeatureTarget): string | undefined {
  for (const c of target.candidates) {
    if (model.produced.has(c)) return c;
    const written = model.nodeOutputs.get(c);
    if (written !== undefined) return written;
  }
  return undefined;
}
