import type { GraphBuilder } from '../design/builder';
import type { PortRef } from '../design/design-types';

/**
 * A conv, its batch norm (or the bias it was folded into) and an optional ReLU, named as
 * torchvision's ResNet names them (conv1, bn1, …). With `from` undefined the conv's input is left
 * open for the block to bind its own input; `entry` is that port.
 */
export function resnetConv(
  g: GraphBuilder,
  from: PortRef | undefined,
  names: { readonly conv: string; readonly bn: string; readonly relu?: string },
  conv: {
    readonly outChannels: number;
    readonly kernel: number;
    readonly stride: number;
    readonly groups?: number;
  },
  batchNorm: boolean,
): { readonly entry: PortRef; readonly out: PortRef } {
  const pad = Math.floor(conv.kernel / 2);
  const c = g.add(
    'Conv2d',
    {
      outChannels: conv.outChannels,
      kernel: [conv.kernel, conv.kernel],
      stride: [conv.stride, conv.stride],
      padding: [pad, pad],
      groups: conv.groups ?? 1,
      bias: !batchNorm,
    },
    from === undefined ? [] : [from],
    names.conv,
  );
  let out = batchNorm ? g.add('BatchNorm', {}, [c], names.bn) : c;
  if (names.relu !== undefined) out = g.add('ReLU', {}, [out], names.relu);
  return { entry: { node: c.node, port: 0 }, out };
}

/**
 * The end of every ResNet block: the shortcut (the input itself, or a strided 1×1 conv + BN when
 * the shape changes, torchvision's `downsample`), added to the residual branch, then ReLU.
 * torchvision writes `out += identity`: the branch on port 0. Returns the ports that read the input.
 */
export function resnetShortcut(
  g: GraphBuilder,
  branch: PortRef,
  shape: { readonly inChannels: number; readonly outChannels: number; readonly stride: number },
  batchNorm: boolean,
): { readonly reads: readonly PortRef[]; readonly out: PortRef } {
  if (shape.stride === 1 && shape.inChannels === shape.outChannels) {
    const sum = g.add('Add', {}, [branch], 'add');
    return { reads: [{ node: sum.node, port: 1 }], out: g.add('ReLU', {}, [sum], 'relu_out') };
  }
  const d = resnetConv(
    g,
    undefined,
    { conv: 'downsample.0', bn: 'downsample.1' },
    { outChannels: shape.outChannels, kernel: 1, stride: shape.stride },
    batchNorm,
  );
  const sum = g.add('Add', {}, [branch, d.out], 'add');
  const reads = d.entry;
  return { reads: [reads], out: g.add('ReLU', {}, [sum], 'relu_out') };
}
