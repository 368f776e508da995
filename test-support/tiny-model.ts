import { DataType, encodeModel, pb, type P } from '../src/core/onnx/proto';

/** A graph input or output of type float32 with a fixed shape. */
export function floatValue(name: string, shape: readonly number[]): P.IValueInfoProto {
  return {
    name,
    type: { tensorType: { elemType: DataType.FLOAT, shape: { dim: shape.map((d) => ({ dimValue: d })) } } },
  };
}

export interface TinyModel {
  readonly nodes: P.INodeProto[];
  readonly inits?: P.ITensorProto[];
  readonly input?: readonly number[];
  readonly inputName?: string;
  readonly outputs?: readonly string[];
  readonly opset?: number;
}

/**
 * A model from a handful of nodes: one float input "x" (1×3×8×8 unless told), the given nodes and
 * initializers, the named outputs (default: the last node's first output). For tests that need a
 * file of one exact, small, often broken form.
 */
export function tinyModel(m: TinyModel): P.IModelProto {
  const last = m.nodes.at(-1)?.output?.[0] ?? 'x';
  return {
    irVersion: 8,
    opsetImport: [{ domain: '', version: m.opset ?? 17 }],
    producerName: 'test',
    graph: {
      name: 'tiny',
      node: m.nodes,
      initializer: m.inits ?? [],
      input: [floatValue(m.inputName ?? 'x', m.input ?? [1, 3, 8, 8])],
      output: (m.outputs ?? [last]).map((o) => ({
        name: o,
        type: { tensorType: { elemType: DataType.FLOAT } },
      })),
    },
  };
}

export const tinyBytes = (m: TinyModel): Uint8Array => encodeModel(tinyModel(m));

export const node = (
  opType: string,
  input: string[],
  output: string[],
  attribute: P.IAttributeProto[] = [],
  name = '',
): P.INodeProto => ({ opType, input, output, attribute, name });

/** Decodes, lets a test change the model in place, encodes again. */
export function editModel(bytes: Uint8Array, edit: (m: P.ModelProto) => void): Uint8Array {
  const model = pb.ModelProto.decode(bytes);
  edit(model);
  return encodeModel(model);
}
