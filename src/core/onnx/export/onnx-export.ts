import { analyze } from '../../analysis/analyze';
import type { LayerInfo } from '../../analysis/analysis-types';
import type { Design } from '../../design/design-types';
import { anyOpDef, type OpKind } from '../../kinds';
import type { Shape } from '../../shape';
import { freshNote, weightSource } from '../layer-weights';
import { encodeModel, type P } from '../proto';
import {
  PRODUCER,
  PRODUCER_VERSION,
  irVersionFor,
  MAX_OPSET,
  MIN_OPSET,
  DEFAULT_OPSET,
  META,
  SHIFT_AS_CONV,
} from '../version';
import type { EmitContext } from './export-context';
import type { ExportOptions } from './options';
import { methodMetadata } from './method-metadata';
import { GraphWriter } from './writer';

export type { ExportOptions } from './options';

export type ExportResult =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array;
      readonly model: P.IModelProto;
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly string[] };

export const valueInfo = (name: string, shape: Shape): P.IValueInfoProto => ({
  name,
  type: { tensorType: { elemType: 1, shape: { dim: shape.map((d) => ({ dimValue: d })) } } },
});

const tensorKey = (id: number, shape: Shape | undefined): string => `${id}|${(shape ?? []).join('x')}`;

/** Conv → BatchNorm pairs where the conv's output feeds only the batch norm. */
function foldablePairs(layers: readonly LayerInfo[]): Map<LayerInfo, LayerInfo> {
  const readers = new Map<number, LayerInfo[]>();
  for (const l of layers) for (const t of l.inputTensors) readers.set(t, [...(readers.get(t) ?? []), l]);
  const pairs = new Map<LayerInfo, LayerInfo>();
  for (const l of layers) {
    if (l.op !== 'Conv2d') continue;
    const r = readers.get(l.outputTensors[0] ?? -1) ?? [];
    if (r.length === 1 && r[0]?.op === 'BatchNorm') pairs.set(l, r[0]);
  }
  return pairs;
}

/** The design as an ONNX model: standard ops, names from the design's labels, seeded weights. */
export function exportDesign(design: Design, options: ExportOptions = {}): ExportResult {
  const opset = options.opset ?? DEFAULT_OPSET;
  if (!Number.isInteger(opset) || opset < MIN_OPSET || opset > MAX_OPSET)
    return { ok: false, errors: [`opset ${opset} is not supported: choose ${MIN_OPSET} to ${MAX_OPSET}`] };
  const seed = options.seed ?? 0;
  const shift = options.shift ?? 'conv';
  const analysis = analyze(design);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { ok: false, errors: errors.map((d) => `${d.code}: ${d.message}`) };
  const layers = analysis.layers;
  if (!layers.some((l) => l.op === 'Input')) return { ok: false, errors: ['the design has no Input node'] };
  if (!layers.some((l) => l.op === 'Output')) return { ok: false, errors: ['the design has no Output node'] };

  const notes: string[] = [];
  const w = new GraphWriter();
  const pairs = options.foldBatchNorm === true ? foldablePairs(layers) : new Map<LayerInfo, LayerInfo>();
  const foldedBns = new Set(pairs.values());
  const names = new Map<string, string>();
  const graphInputs: P.IValueInfoProto[] = [];
  const outputs: { tensor: string; label: string; shape: Shape }[] = [];
  const valueInfos: P.IValueInfoProto[] = [];
  // Imported weights by the layer's stable key (node id + inner path), so a renamed layer keeps its
  // values; the He seed follows the key too. Layers initialised here are named in a note.
  const source = weightSource(design, seed, notes);

  for (const layer of layers) {
    const inputs = layer.inputTensors.map((id, i) => names.get(tensorKey(id, layer.inputShapes[i])) ?? '');
    if (layer.op === 'Output') {
      outputs.push({ tensor: inputs[0] ?? '', label: layer.name, shape: layer.inputShapes[0] ?? [] });
      continue;
    }
    const out =
      layer.outputShapes.length === 1
        ? [w.unique(layer.name)]
        : layer.outputShapes.map((_, i) => w.unique(`${layer.name}:${i}`));
    const ctx: EmitContext = {
      w,
      layer,
      inputs,
      outputs: out,
      opset,
      shift,
      values: source.values,
      stored: source.stored,
      seed,
      foldedBatchNorm: pairs.get(layer),
      folded: foldedBns.has(layer),
    };
    const produced = anyOpDef(layer.op).onnx.emit(ctx, layer.params);
    produced.forEach((name, i) => {
      const shape = layer.outputShapes[i] ?? [];
      names.set(tensorKey(layer.outputTensors[i] ?? -1, shape), name);
      if (layer.op === 'Input') graphInputs.push(valueInfo(name, shape));
      else if (name === out[i]) valueInfos.push(valueInfo(name, shape));
    });
  }

  const fresh = freshNote(design, source);
  if (fresh !== undefined) notes.push(fresh);
  const renamed = new Set<string>();
  const graphOutputs = nameOutputs(w, outputs, new Set(graphInputs.map((i) => i.name ?? '')), renamed);
  const outputNames = new Set(graphOutputs.map((o) => o.name));
  const domains = new Set(
    layers
      .filter((l) => l.op === ('Opaque' satisfies OpKind))
      .map((l) => (l.params as { domain: string }).domain),
  );
  domains.delete('');
  const model: P.IModelProto = {
    irVersion: irVersionFor(opset),
    producerName: PRODUCER,
    producerVersion: PRODUCER_VERSION,
    modelVersion: 1,
    docString: `${design.name}, designed in ${PRODUCER}`,
    opsetImport: [
      { domain: '', version: opset },
      ...[...domains].sort().map((domain) => ({ domain, version: 1 })),
    ],
    metadataProps: [
      { key: META.design, value: design.name },
      { key: META.seed, value: String(seed) },
      {
        key: META.batchNorm,
        value: options.foldBatchNorm === true ? 'folded into the conv before it' : 'kept',
      },
      ...densityMetadata(layers),
      {
        key: META.shift,
        value:
          shift === 'conv'
            ? `${SHIFT_AS_CONV} with one-hot kernels: its weights and multiply-adds are counted by tools but are not parameters of the design`
            : 'Pad + Slice + Concat: no weights, no multiply-adds',
      },
      ...methodMetadata(analysis),
    ],
    graph: {
      name: design.name === '' ? 'design' : design.name,
      node: w.nodes,
      initializer: w.initializers,
      input: graphInputs,
      output: graphOutputs,
      valueInfo: valueInfos.filter((v) => !outputNames.has(v.name ?? '') && !renamed.has(v.name ?? '')),
    },
  };
  return { ok: true, bytes: encodeModel(model), model, notes };
}

/** Sparse layers' densities, one JSON object keyed by layer name, when the design has any. */
function densityMetadata(layers: readonly LayerInfo[]): P.IStringStringEntryProto[] {
  const sparse: Record<string, number> = {};
  for (const l of layers) {
    const d = (l.params as { density?: number }).density;
    if ((l.op === 'Conv2d' || l.op === 'Linear') && d !== undefined && d < 1) sparse[l.name] = d;
  }
  return Object.keys(sparse).length === 0 ? [] : [{ key: META.density, value: JSON.stringify(sparse) }];
}

/**
 * Graph outputs carry the Output nodes' labels: the producing tensor is renamed when it is only
 * an intermediate, or copied by an Identity when it is a graph input or already an output.
 */
function nameOutputs(
  w: GraphWriter,
  outputs: readonly { tensor: string; label: string; shape: Shape }[],
  graphInputs: ReadonlySet<string>,
  renamed: Set<string>,
): P.IValueInfoProto[] {
  const taken = new Set<string>();
  const result: P.IValueInfoProto[] = [];
  for (const o of outputs) {
    if (o.tensor === o.label && !taken.has(o.tensor)) {
      taken.add(o.tensor);
      result.push(valueInfo(o.tensor, o.shape));
      continue;
    }
    const name = w.unique(o.label);
    if (graphInputs.has(o.tensor) || taken.has(o.tensor)) w.node('Identity', o.label, [o.tensor], [name]);
    else {
      renamed.add(o.tensor);
      for (const n of w.nodes) {
        n.input = (n.input ?? []).map((x) => (x === o.tensor ? name : x));
        n.output = (n.output ?? []).map((x) => (x === o.tensor ? name : x));
      }
    }
    taken.add(name);
    result.push(valueInfo(name, o.shape));
  }
  return result;
}
