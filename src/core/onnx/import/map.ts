import type { IrGraph } from '../ir/graph';
import type { Inferred } from '../ir/infer';
import { ImportError, MapContext } from './context';
import { mapPad } from './map-shift';
import { mapGemm, mapMatMul, mapReduceMean, mapReshape, mapSlice, mapSplit } from './map-patterns';
import {
  mapAdd,
  mapAvgPool,
  mapBatchNorm,
  mapClip,
  mapConcat,
  mapConv,
  mapDropout,
  mapFlatten,
  mapHardSigmoid,
  mapMaxPool,
  mapMul,
  mapSoftmax,
  unary,
  type Mapper,
} from './map-simple';

/** ONNX op type → how it becomes primitives (PyTorch's export patterns included). */
const mappers: Readonly<Record<string, Mapper>> = {
  Conv: mapConv,
  BatchNormalization: mapBatchNorm,
  Relu: unary('ReLU'),
  Clip: mapClip,
  HardSwish: unary('HardSwish'),
  HardSigmoid: mapHardSigmoid,
  Sigmoid: unary('Sigmoid'),
  MaxPool: mapMaxPool,
  AveragePool: mapAvgPool,
  GlobalAveragePool: unary('GlobalAvgPool'),
  ReduceMean: mapReduceMean,
  Flatten: mapFlatten,
  Reshape: mapReshape,
  Split: mapSplit,
  Slice: mapSlice,
  Gemm: mapGemm,
  MatMul: mapMatMul,
  Softmax: mapSoftmax,
  Concat: mapConcat,
  Add: mapAdd,
  Mul: mapMul,
  Dropout: mapDropout,
  Pad: mapPad,
};

/** Every node of the graph as primitives, in order; unmapped nodes become opaque ops. */
export function mapGraph(graph: IrGraph, inferred: Inferred): MapContext {
  const ctx = new MapContext(graph, inferred);
  for (const input of graph.inputs) {
    const [n, c, h, w] = input.shape;
    if (input.shape.length !== 4 || n !== 1)
      throw new ImportError(
        `input "${input.name}" is ${input.shape.join('×')}; only image inputs 1×C×H×W are supported`,
      );
    ctx.prims.push({
      kind: 'Input',
      params: { channels: c, height: h, width: w },
      inputs: [],
      outputs: [input.name],
      label: ctx.label(input.name, 'Input'),
      weights: {},
    });
  }
  for (const node of graph.nodes) {
    if (ctx.absorbed.has(node) || ctx.isFolded(node)) continue;
    if ((node.opType === 'Identity' || node.opType === 'Cast') && node.domain === '') {
      ctx.alias(node.outputs[0] ?? '', node.inputs[0] ?? '');
      continue;
    }
    const mapper = node.domain === '' || node.domain === 'ai.onnx' ? mappers[node.opType] : undefined;
    if (mapper?.(node, ctx) === true) continue;
    ctx.opaque(
      node,
      mapper === undefined
        ? 'Compact Studio has no primitive for this op'
        : 'its settings have no primitive (see the docs of the op)',
    );
  }
  for (const out of graph.outputs)
    ctx.prims.push({
      kind: 'Output',
      params: {},
      inputs: [ctx.resolve(out)],
      outputs: [],
      label: ctx.label(out, 'Output'),
      weights: {},
    });
  return ctx;
}
