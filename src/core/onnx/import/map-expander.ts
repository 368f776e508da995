import { attrInt, attrInts, type IrNode } from '../ir/graph';
import { expanderConnections } from '../../methods/expander-graph';
import { META } from '../version';
import type { MapContext } from './import-context';

/** The seed our export recorded for this conv, when the file says (see the export's metadata). */
function seedFromMetadata(ctx: MapContext, name: string): number | undefined {
  const text = ctx.graph.metadata.get(META.expander);
  if (text === undefined) return undefined;
  try {
    const entry = (JSON.parse(text) as Record<string, { seed?: unknown } | undefined>)[name];
    return typeof entry?.seed === 'number' ? entry.seed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Gather over channels (axis 1, constant indices) read only by a Conv with group = Cout whose
 * Cout·D input channels are exactly the gathered ones: an expander conv, as our export writes it.
 * The graph comes back as its seed when our export's metadata names one that builds exactly these
 * indices, else as the op's explicit connections.
 */
export function mapGather(n: IrNode, ctx: MapContext): boolean {
  const indices = ctx.const(n.inputs[1])?.ints;
  const x = ctx.shape(n.inputs[0]);
  const out = n.outputs[0] ?? '';
  if (indices === undefined || x?.length !== 4 || attrInt(n, 'axis', 0) !== 1) return false;
  const conv = ctx.soleReader(out);
  if (conv?.opType !== 'Conv' || conv.inputs[0] !== out) return false;
  const w = ctx.const(conv.inputs[1]);
  const [cout = 0, fanIn = 0, kh = 1, kw = 1] = w?.dims ?? [];
  if (w?.floats === undefined || w.dims.length !== 4 || attrInt(conv, 'group', 1) !== cout) return false;
  if (cout * fanIn !== indices.length || indices.some((i) => i < 0 || i >= (x[1] ?? 0))) return false;
  const pads = attrInts(conv, 'pads') ?? [0, 0, 0, 0];
  const strides = attrInts(conv, 'strides') ?? [1, 1];
  const dil = attrInts(conv, 'dilations') ?? [1, 1];
  if (pads[0] !== pads[2] || pads[1] !== pads[3] || dil.some((d) => d !== 1)) return false;
  const bias = ctx.floats(conv.inputs[2]);
  const cin = x[1] ?? 0;
  const seed = seedFromMetadata(ctx, conv.name);
  const seeded =
    seed !== undefined && expanderConnections(cin, cout, fanIn, seed).every((v, i) => v === indices[i]);
  const weights: Record<string, Float32Array> = { weight: w.floats };
  if (bias !== undefined) weights['bias'] = bias;
  ctx.absorbed.add(conv);
  ctx.add(conv, {
    kind: 'ExpanderConv2d',
    params: {
      outChannels: cout,
      kernel: [kh, kw],
      stride: [strides[0] ?? 1, strides[1] ?? 1],
      padding: [pads[0] ?? 0, pads[1] ?? 0],
      fanIn,
      bias: bias !== undefined,
      ...(seeded ? { seed } : { connections: [...indices] }),
    },
    inputs: [n.inputs[0] ?? ''],
    outputs: conv.outputs.slice(0, 1),
    weights,
  });
  return true;
}
