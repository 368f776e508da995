import { attrInt, attrInts } from '../proto';
import { shiftReach, type ShiftGroup } from '../shift-onnx';
import type { EmitContext } from './export-context';

/**
 * A shift as data movement only: pad once, slice each channel group at its offset, concat.
 * No weights and no multiply-adds, so the file's figures match the design's exactly.
 */
function asSlices(ctx: EmitContext, groups: readonly ShiftGroup[], reach: number): readonly string[] {
  const { w, layer } = ctx;
  const [, , h = 0, wd = 0] = layer.inputShapes[0] ?? [];
  const x = ctx.inputs[0] ?? '';
  const padded = w.unique(`${layer.name}/pad`);
  w.node('Pad', `${layer.name}/pad`, [x, w.ints([0, 0, reach, reach, 0, 0, reach, reach])], [padded]);
  const parts = groups.map((g, i) => {
    const out = w.unique(`${layer.name}/part${i}`);
    const unmoved = g.dy === 0 && g.dx === 0;
    const starts = unmoved ? [g.start] : [g.start, reach + g.dy, reach + g.dx];
    const ends = unmoved ? [g.end] : [g.end, reach + g.dy + h, reach + g.dx + wd];
    const axes = unmoved ? [1] : [1, 2, 3];
    w.node(
      'Slice',
      `${layer.name}/slice${i}`,
      [unmoved ? x : padded, w.ints(starts), w.ints(ends), w.ints(axes)],
      [out],
    );
    return out;
  });
  w.node('Concat', `${layer.name}/concat`, parts, ctx.outputs, [attrInt('axis', 1)]);
  return ctx.outputs;
}

/** A shift as a fixed depthwise conv with one-hot kernels: one op, but its weights count. */
function asConv(
  ctx: EmitContext,
  groups: readonly ShiftGroup[],
  kernel: number,
  dilation: number,
): readonly string[] {
  const { w, layer } = ctx;
  const c = layer.inputShapes[0]?.[1] ?? 0;
  const r = Math.floor(kernel / 2);
  const weight = new Float32Array(c * kernel * kernel);
  for (const g of groups)
    for (let ch = g.start; ch < g.end; ch++)
      weight[ch * kernel * kernel + (r + g.dy / dilation) * kernel + (r + g.dx / dilation)] = 1;
  const name = w.weight(`${layer.name}.shift_kernel`, [c, 1, kernel, kernel], weight);
  const pad = r * dilation;
  w.node('Conv', layer.name, [ctx.inputs[0] ?? '', name], ctx.outputs, [
    attrInts('kernel_shape', [kernel, kernel]),
    attrInts('pads', [pad, pad, pad, pad]),
    attrInts('dilations', [dilation, dilation]),
    attrInt('group', c),
  ]);
  return ctx.outputs;
}

/** A shift that moves these channel groups, in the form the export options ask for. */
export function emitShiftGroups(
  ctx: EmitContext,
  groups: readonly ShiftGroup[],
  kernel: number,
  dilation: number,
): readonly string[] {
  if (groups.every((g) => g.dy === 0 && g.dx === 0)) {
    ctx.w.node('Identity', ctx.layer.name, ctx.inputs.slice(0, 1), ctx.outputs);
    return ctx.outputs;
  }
  return ctx.shift === 'conv'
    ? asConv(ctx, groups, kernel, dilation)
    : asSlices(ctx, groups, shiftReach(kernel, dilation));
}
