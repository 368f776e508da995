import { elementCount, type IrGraph } from '../src/core/onnx/ir/graph';
import { infer } from '../src/core/onnx/ir/infer';

/** The figures of docs/costs.md, counted from an ONNX file alone (no design involved). */
export interface FileFigures {
  readonly params: number;
  readonly buffers: number;
  readonly multiplyAdds: number;
  readonly memoryAccessConvFc: number;
  /** Per node, for finding which layer disagrees. */
  readonly nodes: readonly {
    name: string;
    opType: string;
    params: number;
    multiplyAdds: number;
    memoryAccessConvFc: number;
  }[];
}

/**
 * Conv: weights + bias, Cout·H'·W'·(Cin/g)·kh·kw, input + output + weights. Gemm and MatMul with a
 * constant operand: in·out. Batch norm: γ, β as params, mean and variance as buffers. A constant
 * float added after a MatMul is its bias. Everything else moves data and counts 0.
 */
export function countFile(graph: IrGraph): FileFigures {
  const { shapes, consts } = infer(graph);
  const size = (name: string | undefined): number => {
    const s = name === undefined || name === '' ? undefined : (consts.get(name)?.dims ?? shapes.get(name));
    return s === undefined ? 0 : elementCount(s);
  };
  const isWeight = (name: string | undefined): boolean =>
    name !== undefined && consts.get(name)?.floats !== undefined;
  const nodes: {
    name: string;
    opType: string;
    params: number;
    multiplyAdds: number;
    memoryAccessConvFc: number;
  }[] = [];
  let buffers = 0;
  const matmulOutputs = new Set<string>();
  for (const n of graph.nodes) {
    const [x, w, b] = n.inputs;
    const out = n.outputs[0];
    let params = 0;
    let multiplyAdds = 0;
    let memoryAccessConvFc = 0;
    if (n.opType === 'Conv') {
      const wDims = consts.get(w ?? '')?.dims ?? shapes.get(w ?? '') ?? [];
      const perOut = elementCount(wDims.slice(1));
      params = size(w) + size(b);
      multiplyAdds = size(out) * perOut;
      memoryAccessConvFc = size(x) + size(out) + size(w);
    } else if (n.opType === 'Gemm' || (n.opType === 'MatMul' && (isWeight(w) || isWeight(x)))) {
      const weight = isWeight(w) ? w : x;
      const input = weight === w ? x : w;
      const inner = shapes.get(input ?? '')?.at(-1) ?? 0;
      params = size(weight) + (n.opType === 'Gemm' ? size(b) : 0);
      multiplyAdds = size(out) * inner;
      memoryAccessConvFc = size(input) + size(out) + size(weight);
      if (n.opType === 'MatMul' && out !== undefined) matmulOutputs.add(out);
    } else if (n.opType === 'Add' && n.inputs.some((i) => matmulOutputs.has(i))) {
      params = n.inputs.filter(isWeight).reduce((a, i) => a + size(i), 0);
    } else if (n.opType === 'BatchNormalization') {
      params = size(n.inputs[1]) + size(n.inputs[2]);
      buffers += size(n.inputs[3]) + size(n.inputs[4]);
    }
    nodes.push({ name: n.name, opType: n.opType, params, multiplyAdds, memoryAccessConvFc });
  }
  const sum = (k: 'params' | 'multiplyAdds' | 'memoryAccessConvFc'): number =>
    nodes.reduce((a, n) => a + n[k], 0);
  return {
    params: sum('params'),
    buffers,
    multiplyAdds: sum('multiplyAdds'),
    memoryAccessConvFc: sum('memoryAccessConvFc'),
    nodes,
  };
}
