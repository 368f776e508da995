import type { Analysis, LayerInfo } from '../analysis/analysis-types';
import { msg, type Message } from '../message';
import type { Design } from '../design/design-types';
import type { Conv2dParams } from '../ops/conv2d';
import type { OpKind } from '../kinds';

/** Ops that keep channel i in channel i: a removed channel is removed from their output too. */
const PER_CHANNEL: ReadonlySet<OpKind> = new Set([
  'ReLU',
  'ReLU6',
  'HardSwish',
  'HardSigmoid',
  'Sigmoid',
  'Dropout',
  'MaxPool',
  'AvgPool',
  'GlobalAvgPool',
  'Flatten',
]);

/** Removes rows `drop` of a row-major tensor with `rows` rows. */
function dropRows(v: Float32Array, rows: number, drop: ReadonlySet<number>): Float32Array {
  const per = v.length / rows;
  const out = new Float32Array((rows - drop.size) * per);
  let k = 0;
  for (let r = 0; r < rows; r++) if (!drop.has(r)) out.set(v.subarray(r * per, (r + 1) * per), k++ * per);
  return out;
}

/** Removes input channels `drop` of a [rows, cols, inner] tensor. */
function dropCols(v: Float32Array, rows: number, cols: number, drop: ReadonlySet<number>): Float32Array {
  const inner = v.length / (rows * cols);
  const keep = [...Array(cols).keys()].filter((c) => !drop.has(c));
  const out = new Float32Array(rows * keep.length * inner);
  let k = 0;
  for (let r = 0; r < rows; r++)
    for (const c of keep)
      out.set(v.subarray((r * cols + c) * inner, (r * cols + c + 1) * inner), k++ * inner);
  return out;
}

/**
 * The design's stored weights with channels `channels` of batch norm `bnName` removed: the rows of
 * the conv before it, the batch norm's own entries, and the inputs of whatever reads them (through
 * activations, pooling and depthwise convs, to the next conv or linear layer). The design passed
 * in already has the narrower width; `analysis` is of the design before. A reason when the channels
 * reach an op that ties them to others (an add, a concat, a scale).
 */
export function pruneChannels(
  design: Design,
  analysis: Analysis,
  bnName: string,
  channels: readonly number[],
): Design | Message {
  const layers = analysis.layers;
  const bn = layers.find((l) => l.name === bnName);
  if (bn === undefined) return msg('pruneNoBn', { bn: bnName });
  const producer = layers.find((l) => l.outputTensors.includes(bn.inputTensors[0] ?? -1));
  const readers = (t: number): LayerInfo[] => layers.filter((l) => l.inputTensors.includes(t));
  if (producer?.op !== 'Conv2d' || readers(producer.outputTensors[0] ?? -1).length !== 1)
    return msg('pruneNoConv', { bn: bnName });
  const pc = producer.params as Conv2dParams;
  if (pc.groups > 1)
    return msg(pc.groups === pc.outChannels ? 'pruneDepthwise' : 'pruneGroup', { layer: producer.name });
  const drop = new Set(channels);
  const weights: Record<string, Record<string, Float32Array>> = {};
  for (const [key, roles] of Object.entries(design.weights?.layers ?? {})) weights[key] = { ...roles };
  const edit = (layer: LayerInfo, role: string, f: (v: Float32Array) => Float32Array): void => {
    const stored = weights[layer.key]?.[role];
    const v = stored;
    if (v !== undefined) (weights[layer.key] ??= {})[role] = f(v);
  };
  const c = bn.outputShapes[0]?.[1] ?? 0;
  const rowsOut = (layer: LayerInfo): void => {
    for (const role of ['weight', 'bias', 'running_mean', 'running_var'])
      edit(layer, role, (v) => dropRows(v, c, drop));
  };
  rowsOut(producer);
  rowsOut(bn);
  const queue = [bn.outputTensors[0] ?? -1];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const t = queue.shift() as number;
    if (seen.has(t)) continue;
    seen.add(t);
    for (const r of readers(t)) {
      const out = r.outputTensors[0] ?? -1;
      if (PER_CHANNEL.has(r.op)) queue.push(out);
      else if (r.op === 'BatchNorm') {
        rowsOut(r);
        queue.push(out);
      } else if (r.op === 'Conv2d' && (r.params as Conv2dParams).groups === c) {
        rowsOut(r); // depthwise: its filters go with their channels
        queue.push(out);
      } else if (r.op === 'Conv2d' && (r.params as Conv2dParams).groups === 1) {
        edit(r, 'weight', (v) => dropCols(v, (r.params as Conv2dParams).outChannels, c, drop));
      } else if (r.op === 'Linear' && r.inputShapes[0]?.[1] === c) {
        edit(r, 'weight', (v) => dropCols(v, v.length / c, c, drop));
      } else return msg('pruneShared', { layer: r.name, op: r.op });
    }
  }
  return { ...design, weights: { source: design.weights?.source ?? '', layers: weights } };
}
