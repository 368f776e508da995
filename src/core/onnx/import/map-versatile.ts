import { recogniseVersatile } from '../../ops/versatile-structure';
import { attrInt, attrInts, type IrNode } from '../ir/graph';
import type { MapContext } from './import-context';
import { is4d, pairOf, symmetricPads, x0 } from './pattern-common';

/**
 * A Conv whose constant weight is exactly the written-out secondary filters of some primary
 * filters (square kernel, one group, no dilation, equal strides and pads) reads back as versatile
 * filters with those primaries; any other Conv is left to Conv2d's pattern.
 */
export function mapVersatile(n: IrNode, ctx: MapContext): boolean {
  const w = ctx.const(n.inputs[1]);
  if (w?.floats === undefined || w.dims.length !== 4 || !is4d(ctx, x0(n))) return false;
  const [cout = 0, cin = 0, kh = 0, kw = 0] = w.dims;
  if (kh !== kw || attrInt(n, 'group', 1) !== 1) return false;
  const dilation = pairOf(attrInts(n, 'dilations'), 1);
  const stride = pairOf(attrInts(n, 'strides'), 1);
  if (dilation[0] !== 1 || dilation[1] !== 1 || stride[0] !== stride[1]) return false;
  const padding = symmetricPads(n, [kh, kw], dilation, stride);
  if (padding?.[0] !== padding?.[1] || padding === undefined) return false;
  const found = recogniseVersatile(cout, cin, kh, w.floats);
  if (found === undefined) return false;
  const bias = ctx.floats(n.inputs[2]);
  const weights: Record<string, Float32Array> = { weight: found.primary };
  if (bias !== undefined) weights['bias'] = bias;
  ctx.add(n, {
    kind: 'VersatileConv',
    params: {
      outChannels: cout,
      kernel: kh,
      stride: stride[0],
      padding: padding[0],
      bias: bias !== undefined,
      channelDelta: found.channelDelta,
      channelStride: found.channelStride,
    },
    inputs: [x0(n)],
    outputs: n.outputs.slice(0, 1),
    weights,
  });
  return true;
}
