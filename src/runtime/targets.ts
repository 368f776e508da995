import type { Analysis } from '../core/analysis/analysis-types';
import type { Design } from '../core/design/design-types';
import { lcclReluTensor } from '../core/methods/lccl-method';
import type { LayerRef } from './profile';
import type { FeatureTarget } from './protocol';

/** Every primitive layer's ONNX name, key and design node (to attribute trace times by identity). */
export function layerRefs(analysis: Analysis): LayerRef[] {
  return analysis.layers.map((l) => ({ name: l.name, key: l.key, nodeId: l.nodeId }));
}

/**
 * For each design node, the tensors that may hold its output: the names of its layers from last
 * to first (ONNX tensors are named after the layer that writes them), then the tensor it reads,
 * for nodes the export turns into nothing (views, and batch norms folded into the conv before).
 */
export function featureTargets(analysis: Analysis): FeatureTarget[] {
  const writer = new Map<number, string>();
  for (const l of analysis.layers) for (const t of l.outputTensors) if (!writer.has(t)) writer.set(t, l.name);
  const targets: FeatureTarget[] = [];
  for (const [nodeId, info] of analysis.nodes) {
    const [first, end] = info.layers;
    const layers = analysis.layers.slice(first, end);
    if (layers.some((l) => l.op === 'Input')) continue;
    const read = writer.get(layers[0]?.inputTensors[0] ?? -1);
    const own = layers.map((l) => l.name).reverse();
    targets.push({ nodeId, candidates: read === undefined ? own : [...own, read] });
  }
  // LCCL: the collaborative layer's ReLU output, whose zeros a run measures (nodeId "<id>#lccl").
  for (const node of analysis.design.nodes)
    if (node.kind === 'LcclConv')
      targets.push({ nodeId: lcclTargetId(node.id), candidates: [lcclReluTensor(node.label)] });
  return targets;
}

const weightIds = new WeakMap<object, number>();
let nextWeightId = 1;

/**
 * A key for "this network": equal for designs that export to the same model (positions do not
 * count), so moving a card keeps the runtime's session. Sessions are cached per key.
 */
export function designKey(design: Design): string {
  let weights = 0;
  if (design.weights !== undefined) {
    weights = weightIds.get(design.weights) ?? nextWeightId++;
    weightIds.set(design.weights, weights);
  }
  const text = JSON.stringify([
    design.nodes.map((n) => [n.id, n.kind, n.label, n.params]),
    design.edges.map((e) => [e.from, e.to]),
    weights,
  ]);
  // FNV-1a, twice with different seeds: 64 bits are plenty to tell designs apart.
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0;
  }
  return `${a.toString(36)}-${b.toString(36)}-${text.length}`;
}

/** The feature target of an LCCL node's collaborative ReLU. */
export const lcclTargetId = (nodeId: string): string => `${nodeId}#lccl`;
