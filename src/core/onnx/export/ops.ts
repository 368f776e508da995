import { splitSizes } from '../../layers/channel';
import type { OpaqueParams } from '../../layers/opaque';
import type { OpKind, OpParams } from '../../layers/registry';
import { fromBase64 } from '../base64';
import { AttrType, attrFloat, attrInt, attrInts, type P } from '../proto';
import type { Emit, EmitContext } from './context';
import { emitBatchNorm, emitConv, emitLinear } from './emit-weighted';
import { emitShift, emitSparseShift } from './emit-shift';

/** One node, the layer's name, the layer's inputs and outputs. */
const single =
  (opType: string, attrs: (ctx: EmitContext) => P.IAttributeProto[] = () => []) =>
  (ctx: EmitContext): readonly string[] => {
    ctx.w.node(opType, ctx.layer.name, ctx.inputs, ctx.outputs, attrs(ctx));
    return ctx.outputs;
  };

const alias = (ctx: EmitContext): readonly string[] => ctx.inputs.slice(0, 1);

const hardSigmoidAttrs = (): P.IAttributeProto[] => [attrFloat('alpha', 1 / 6), attrFloat('beta', 0.5)];

function pool(opType: 'MaxPool' | 'AveragePool') {
  return (ctx: EmitContext, p: OpParams<'MaxPool'> & { countIncludePad?: boolean }): readonly string[] => {
    const attrs = [
      attrInts('kernel_shape', p.kernel),
      attrInts('strides', p.stride),
      attrInts('pads', [p.padding[0], p.padding[1], p.padding[0], p.padding[1]]),
      attrInt('ceil_mode', p.ceilMode ? 1 : 0),
    ];
    if (p.countIncludePad === true) attrs.push(attrInt('count_include_pad', 1));
    ctx.w.node(opType, ctx.layer.name, ctx.inputs, ctx.outputs, attrs);
    return ctx.outputs;
  };
}

/** Reshape → Transpose → Reshape: the form every tool reads as a channel shuffle. */
function emitShuffle(ctx: EmitContext, p: OpParams<'ChannelShuffle'>): readonly string[] {
  const { w, layer } = ctx;
  const [n = 1, c = 0, h = 0, wd = 0] = layer.inputShapes[0] ?? [];
  const grouped = w.unique(`${layer.name}/grouped`);
  const swapped = w.unique(`${layer.name}/transposed`);
  w.node(
    'Reshape',
    `${layer.name}/reshape_in`,
    [ctx.inputs[0] ?? '', w.ints([n, p.groups, c / p.groups, h, wd])],
    [grouped],
  );
  w.node('Transpose', `${layer.name}/transpose`, [grouped], [swapped], [attrInts('perm', [0, 2, 1, 3, 4])]);
  w.node('Reshape', `${layer.name}/reshape_out`, [swapped, w.ints([n, c, h, wd])], ctx.outputs);
  return ctx.outputs;
}

function emitSplit(ctx: EmitContext, p: OpParams<'ChannelSplit'>): readonly string[] {
  const sizes = splitSizes(p, ctx.layer.inputShapes[0]?.[1] ?? 0);
  ctx.w.node('Split', ctx.layer.name, [ctx.inputs[0] ?? '', ctx.w.ints(sizes)], ctx.outputs, [
    attrInt('axis', 1),
  ]);
  return ctx.outputs;
}

function emitHardSwish(ctx: EmitContext): readonly string[] {
  if (ctx.opset >= 14) return single('HardSwish')(ctx);
  const gate = ctx.w.unique(`${ctx.layer.name}/gate`);
  ctx.w.node('HardSigmoid', `${ctx.layer.name}/hardsigmoid`, ctx.inputs, [gate], hardSigmoidAttrs());
  ctx.w.node('Mul', ctx.layer.name, [ctx.inputs[0] ?? '', gate], ctx.outputs);
  return ctx.outputs;
}

function emitFlatten(ctx: EmitContext): readonly string[] {
  return (ctx.layer.inputShapes[0]?.length ?? 0) <= 2
    ? alias(ctx)
    : single('Flatten', () => [attrInt('axis', 1)])(ctx);
}

function opaqueAttribute(a: OpaqueParams['attributes'][number]): P.IAttributeProto {
  const v = a.value;
  switch (a.type) {
    case 'float':
      return { name: a.name, type: AttrType.FLOAT, f: typeof v === 'number' ? v : 0 };
    case 'int':
      return { name: a.name, type: AttrType.INT, i: typeof v === 'number' ? v : 0 };
    case 'string':
      return { name: a.name, type: AttrType.STRING, s: new TextEncoder().encode(String(v)) };
    case 'floats':
      return { name: a.name, type: AttrType.FLOATS, floats: Array.isArray(v) ? v.map(Number) : [] };
    case 'ints':
      return { name: a.name, type: AttrType.INTS, ints: Array.isArray(v) ? v.map(Number) : [] };
    case 'strings':
      return {
        name: a.name,
        type: AttrType.STRINGS,
        strings: Array.isArray(v) ? v.map((s) => new TextEncoder().encode(String(s))) : [],
      };
  }
}

/** An opaque op goes back out as it came: its type, attributes and constant inputs. */
function emitOpaque(ctx: EmitContext, p: OpaqueParams): readonly string[] {
  const total = p.inputs + p.constants.length;
  const inputs: string[] = [];
  let next = 0;
  for (let i = 0; i < total; i++) {
    const k = p.constants.find((c) => c.input === i);
    if (k === undefined) inputs.push(ctx.inputs[next++] ?? '');
    else if (k.dataType === 0) inputs.push('');
    else
      inputs.push(
        ctx.w.raw({
          name: `${ctx.layer.name}.input${i}`,
          dims: k.dims,
          dataType: k.dataType,
          rawData: fromBase64(k.data) ?? new Uint8Array(),
        }),
      );
  }
  ctx.w.node(p.opType, ctx.layer.name, inputs, ctx.outputs, p.attributes.map(opaqueAttribute), p.domain);
  return ctx.outputs;
}

/** Input and Output are the graph's inputs and outputs, written by the exporter itself. */
const io = (ctx: EmitContext): readonly string[] => ctx.outputs;

/** The one ONNX mapping of every primitive op: the compiler checks that none is missing. */
export const emitters: { readonly [K in OpKind]: Emit<OpParams<K>> } = {
  Input: io,
  Output: io,
  Conv2d: emitConv,
  BatchNorm: emitBatchNorm,
  ReLU: single('Relu'),
  ReLU6: (ctx) => {
    ctx.w.node('Clip', ctx.layer.name, [ctx.inputs[0] ?? '', ctx.w.scalar(0), ctx.w.scalar(6)], ctx.outputs);
    return ctx.outputs;
  },
  HardSwish: emitHardSwish,
  HardSigmoid: single('HardSigmoid', hardSigmoidAttrs),
  Sigmoid: single('Sigmoid'),
  MaxPool: pool('MaxPool'),
  AvgPool: pool('AveragePool'),
  GlobalAvgPool: single('GlobalAveragePool'),
  Linear: emitLinear,
  Flatten: emitFlatten,
  Dropout: alias,
  Add: single('Add'),
  Multiply: single('Mul'),
  Concat: single('Concat', () => [attrInt('axis', 1)]),
  ChannelShuffle: emitShuffle,
  ChannelSplit: emitSplit,
  Shift: emitShift,
  SparseShift: emitSparseShift,
  Softmax: single('Softmax', () => [attrInt('axis', 1)]),
  Opaque: emitOpaque,
};
