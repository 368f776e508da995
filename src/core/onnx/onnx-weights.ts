import type { Analysis, LayerInfo } from '../analysis/analysis-types';
import type { Design, DesignWeights } from '../design/design-types';
import { valueCount, weightSpecs } from './layer-weights';

/**
 * Which weights a layer needs, role → value count: the exports' one list (layer-weights.ts), so
 * a kept import is exactly what the ONNX and PyTorch exports will read.
 */
export function weightNeeds(layer: LayerInfo): ReadonlyMap<string, number> {
  return new Map(weightSpecs(layer).map((s) => [s.role, valueCount(s.dims)]));
}

/** True when every weight the layer needs now is stored with exactly the count it needs. */
function fits(layer: LayerInfo, stored: Readonly<Record<string, Float32Array>>): boolean {
  for (const [role, count] of weightNeeds(layer)) {
    const values = stored[role];
    if (values !== undefined && values.length !== count) return false;
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
  const kept: Record<string, Readonly<Record<string, Float32Array>>> = {};
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
    const complete = stored !== undefined && [...needs].every(([role, n]) => stored[role]?.length === n);
    if (!complete) fresh.push(layer);
  }
  return { source: weights?.source, fresh, weighted };
}
