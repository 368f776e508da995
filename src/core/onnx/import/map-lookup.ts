import { attrInt, attrInts, type IrNode } from '../ir/graph';
import { lookupsPerPosition } from '../export/lookup-weight';
import type { MapContext } from './import-context';
import { is4d, pairOf, symmetricPads, x0 } from './pattern-common';

/**
 * The scope a Conv node's name gives, and its last part: our export names an LCNN layer's convs
 * `NAME/dictionary` and `NAME/lookup`; torch.onnx.export of the PyTorch export's LookupConv module
 * names them `/NAME/dictionary/Conv` and `/NAME/lookup/Conv`.
 */
function scopeOf(name: string): { readonly parent: string; readonly part: string } {
  const segments = name.split('/');
  const last = segments.at(-1) ?? '';
  if (last === 'Conv' || last.startsWith('Conv_')) segments.pop();
  return { part: segments.at(-1) ?? '', parent: segments.slice(0, -1).join('/') };
}

const unitConv = (n: IrNode): boolean =>
  attrInt(n, 'group', 1) === 1 &&
  (attrInts(n, 'strides') ?? [1, 1]).every((v) => v === 1) &&
  (attrInts(n, 'dilations') ?? [1, 1]).every((v) => v === 1) &&
  (attrInts(n, 'pads') ?? [0, 0, 0, 0]).every((v) => v === 0);

/**
 * An LCNN layer (Bagherinezhad et al. 2017) as our export writes it: a 1×1 Conv named
 * `NAME/dictionary` (Cin → k, no bias, stride 1, no padding) whose only reader is a Conv named
 * `NAME/lookup` (k → Cout, one group) whose weight has the same number s ≥ 1 of non-zeros at every
 * filter position. Both names are required: a 1×1 conv before a k×k conv in another file is two
 * convs, whatever its zeros.
 */
export function mapLookupConv(n: IrNode, ctx: MapContext): boolean {
  const here = scopeOf(n.name);
  if (here.part !== 'dictionary' || (n.inputs[2] !== undefined && n.inputs[2] !== '')) return false;
  const d = ctx.const(n.inputs[1]);
  if (d?.floats === undefined || d.dims.length !== 4 || d.dims[2] !== 1 || d.dims[3] !== 1) return false;
  if (!unitConv(n) || !is4d(ctx, x0(n))) return false;
  const maps = n.outputs[0] ?? '';
  const next = ctx.soleReader(maps);
  if (next?.opType !== 'Conv' || next.inputs[0] !== maps || attrInt(next, 'group', 1) !== 1) return false;
  const there = scopeOf(next.name);
  if (there.part !== 'lookup' || there.parent !== here.parent) return false;
  const w = ctx.const(next.inputs[1]);
  const k = d.dims[0] ?? 0;
  if (w?.floats === undefined || w.dims.length !== 4 || w.dims[1] !== k) return false;
  const s = lookupsPerPosition(w.floats, w.dims);
  if (s === undefined || s < 1) return false;
  const kernel = pairOf(w.dims.slice(2), 1);
  const stride = pairOf(attrInts(next, 'strides'), 1);
  const dilation = pairOf(attrInts(next, 'dilations'), 1);
  const padding = symmetricPads(next, kernel, dilation, stride);
  if (padding === undefined) return false;
  const bias = ctx.floats(next.inputs[2]);
  const weights: Record<string, Float32Array> = { 'dictionary.weight': d.floats, 'lookup.weight': w.floats };
  if (bias !== undefined) weights['lookup.bias'] = bias;
  ctx.absorbed.add(next);
  ctx.add(n, {
    kind: 'LookupConv',
    params: {
      outChannels: w.dims[0],
      dictionarySize: k,
      lookups: s,
      kernel,
      stride,
      padding,
      dilation,
      bias: bias !== undefined,
    },
    inputs: [x0(n)],
    outputs: next.outputs.slice(0, 1),
    weights,
    label: ctx.groupLabel([n, next], 'Conv'),
  });
  return true;
}
