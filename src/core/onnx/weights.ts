import type { Analysis, LayerInfo } from '../analysis/types';
import type { Design, DesignWeights } from '../graph/types';
import { anyOpDef } from '../layers/registry';
import type { EmitContext } from './export/context';
import { GraphWriter } from './export/writer';
import { DEFAULT_OPSET } from './version';

/**
 * Which weights a layer needs, role → value count, as its ONNX emitter asks for them: the
 * emitter is the one place that knows an op's weights, so nothing here repeats it per op.
 * Kept per params object and input shapes (both immutable), so after an edit only the touched
 * layers are asked again.
 */
const needsCache = new WeakMap<object, Map<string, ReadonlyMap<string, number>>>();

export function weightNeeds(layer: LayerInfo): ReadonlyMap<string, number> {
  let byShape = needsCache.get(layer.params);
  if (byShape === undefined) {
    byShape = new Map();
    needsCache.set(layer.params, byShape);
  }
  const shapeKey = `${layer.op}|${layer.inputShapes.map((s) => s.join('x')).join(',')}`;
  let needs = byShape.get(shapeKey);
  if (needs === undefined) {
    needs = askEmitter(layer);
    byShape.set(shapeKey, needs);
  }
  return needs;
}

function askEmitter(layer: LayerInfo): ReadonlyMap<string, number> {
  const needs = new Map<string, number>();
  if (layer.op === 'Input' || layer.op === 'Output') return needs;
  const ctx: EmitContext = {
    w: new GraphWriter(),
    layer,
    inputs: layer.inputShapes.map((_, i) => `in${i}`),
    outputs: layer.outputShapes.map((_, i) => `out${i}`),
    opset: DEFAULT_OPSET,
    shift: 'slice',
    foldedBatchNorm: undefined,
    folded: false,
    stored: () => false,
    seed: 0,
    values: (_layer: LayerInfo, role: string, count: number) => {
      needs.set(role, count);
      return new Float32Array(count);
    },
  };
  try {
    anyOpDef(layer.op).onnx.emit(ctx, layer.params);
  } catch {
    // An op its emitter cannot write at these shapes needs nothing that could be kept.
  }
  return needs;
}

/** Float32 values in a base64 string, from its length alone. */
export function base64Count(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return ((text.length / 4) * 3 - padding) / 4;
}

/** True when every weight the layer needs now is stored with exactly the count it needs. */
function fits(layer: LayerInfo, stored: Readonly<Record<string, string>>): boolean {
  for (const [role, count] of weightNeeds(layer)) {
    const text = stored[role];
    if (text !== undefined && base64Count(text) !== count) return false;
  }
  return true;
}

/**
 * The design with the imported weights of changed layers dropped: a layer whose node is gone,
 * whose block no longer has it (an analysable block without that inner path), or whose weights
 * no longer fit (an edit changed its shape) loses its entry, and only that layer. A layer that
 * cannot be analysed right now (its input is disconnected) keeps its weights. Returns `design`
 * itself when nothing is dropped, so unchanged designs stay equal by reference.
 */
export function fitWeights(design: Design, analysis: Analysis): Design {
  const { weights } = design;
  if (weights === undefined) return design;
  const byKey = new Map(analysis.layers.map((l) => [l.key, l]));
  const nodeIds = new Set(design.nodes.map((n) => n.id));
  let dropped = false;
  const kept: Record<string, Readonly<Record<string, string>>> = {};
  for (const [key, stored] of Object.entries(weights.layers)) {
    const owner = key.split('/', 1)[0] ?? '';
    const layer = byKey.get(key);
    const analysable = analysis.nodes.get(owner)?.outputShapes !== undefined;
    const keep = layer === undefined ? nodeIds.has(owner) && !analysable : fits(layer, stored);
    if (keep) kept[key] = stored;
    else dropped = true;
  }
  return dropped ? { ...design, weights: { source: weights.source, layers: kept } } : design;
}

/** Where the weights of a design come from, as the run panel, the inspector and the export say it. */
export interface WeightsOrigin {
  /** The imported file, or undefined for a design that only ever had seeded initialisation. */
  readonly source: string | undefined;
  /** Layers with weights that hold fresh initialisation although the design has imported weights. */
  readonly fresh: readonly LayerInfo[];
  /** Layers that have weights at all. */
  readonly weighted: number;
}

/** Derived, never stored: which layers with weights have no imported values that fit. */
export function weightsOrigin(design: Design, analysis: Analysis): WeightsOrigin {
  const weights: DesignWeights | undefined = design.weights;
  const fresh: LayerInfo[] = [];
  let weighted = 0;
  for (const layer of analysis.layers) {
    const needs = weightNeeds(layer);
    if (needs.size === 0) continue;
    weighted++;
    if (weights === undefined) continue;
    const stored = weights.layers[layer.key];
    const complete =
      stored !== undefined &&
      [...needs].every(([role, n]) => stored[role] !== undefined && base64Count(stored[role]) === n);
    if (!complete) fresh.push(layer);
  }
  return { source: weights?.source, fresh, weighted };
}
