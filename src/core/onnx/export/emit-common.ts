import type { P } from '../proto';
import type { EmitContext } from './export-context';

/** One ONNX node named after the layer, reading the layer's inputs and writing its outputs. */
export const single =
  (opType: string, attrs: (ctx: EmitContext) => P.IAttributeProto[] = () => []) =>
  (ctx: EmitContext): readonly string[] => {
    ctx.w.node(opType, ctx.layer.name, ctx.inputs, ctx.outputs, attrs(ctx));
    return ctx.outputs;
  };

/** No node: the output is the input's tensor (views and identities at inference). */
export const alias = (ctx: EmitContext): readonly string[] => ctx.inputs.slice(0, 1);

/** Input and Output are the graph's inputs and outputs, written by the exporter itself. */
export const graphBoundary = (ctx: EmitContext): readonly string[] => ctx.outputs;
