import { sayIn, msg } from '../message';
import { z } from 'zod';
import { fail, ok } from '../diagnostics';
import { elements, formatShape } from '../shape';
import { emitLinear } from '../onnx/export/emit-weighted';
import type { MapContext } from '../onnx/import/import-context';
import { x0 } from '../onnx/import/pattern-common';
import { attrFloat, attrInt, attrInts, type Const, type IrNode } from '../onnx/ir/graph';
import { anyTensor, fmt, one, positiveInt } from './op-common';
import { densityParams } from '../onnx/import/density';
import { densityParam, sparseEffective, sparseFormulas, type SparseWeight } from './sparse';
import type { CostContext, ImportPattern, OpCost, OpDef } from './op-types';
import { linearTorch } from '../torch/ops/linear-torch';

const schema = z.object({
  outFeatures: positiveInt.default(1000).meta({ label: 'Output features' }),
  bias: z.boolean().default(true),
  /** Weight density for a sparse layer (Park et al. 2017); 1 = dense. */
  density: densityParam,
});

function addLinear(
  n: IrNode,
  ctx: MapContext,
  weight: Float32Array,
  outFeatures: number,
  bias: Float32Array | undefined,
  outputs: readonly string[],
  label?: string,
): boolean {
  const weights: Record<string, Float32Array> = { weight };
  if (bias !== undefined) weights['bias'] = bias;
  ctx.add(n, {
    kind: 'Linear',
    params: { outFeatures, bias: bias !== undefined, ...densityParams(weight, ctx, n.name) },
    inputs: [x0(n)],
    outputs,
    weights,
    ...(label === undefined ? {} : { label }),
  });
  return true;
}

function transpose(w: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(w.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = w[r * cols + c] ?? 0;
  return out;
}

const gemm: ImportPattern = {
  onnx: 'Gemm',
  map: (n, ctx) => {
    const w = ctx.const(n.inputs[1]);
    if (w?.floats === undefined || w.dims.length !== 2 || ctx.shape(x0(n))?.length !== 2) return false;
    if (attrInt(n, 'transA', 0) !== 0 || attrFloat(n, 'alpha', 1) !== 1 || attrFloat(n, 'beta', 1) !== 1)
      return false;
    const [r = 0, c = 0] = w.dims;
    const transB = attrInt(n, 'transB', 0) === 1;
    const out = transB ? r : c;
    const bias = ctx.floats(n.inputs[2]);
    if (bias !== undefined && bias.length !== out) return false;
    return addLinear(n, ctx, transB ? w.floats : transpose(w.floats, r, c), out, bias, n.outputs);
  },
};

/**
 * The constant [out, in] matrix a Transpose turns into a MatMul's [in, out] weight: torch.onnx.export
 * writes a bias-free nn.Linear so when it does not fold constants.
 */
function transposedWeight(t: string | undefined, ctx: MapContext): Const | undefined {
  const tr = t === undefined ? undefined : ctx.writerOf(t);
  if (tr?.opType !== 'Transpose' || (tr.domain !== '' && tr.domain !== 'ai.onnx')) return undefined;
  const k = ctx.const(tr.inputs[0]);
  const perm = attrInts(tr, 'perm');
  if (k?.floats === undefined || k.dims.length !== 2 || (perm !== undefined && perm.join() !== '1,0'))
    return undefined;
  return k;
}

/** A Transpose of a constant matrix that only MatMuls read as their weight: absorbed by their Linear. */
const weightTranspose: ImportPattern = {
  onnx: 'Transpose',
  map: (n, ctx) => {
    const out = n.outputs[0] ?? '';
    const readers = ctx.readersOf(out);
    if (transposedWeight(out, ctx) === undefined || readers.length === 0 || ctx.isGraphOutput(out))
      return false;
    return readers.every(
      (r) =>
        r.opType === 'MatMul' && r.inputs[0] !== out && r.inputs[1] === out && ctx.shape(x0(r))?.length === 2,
    );
  },
};

/**
 * MatMul by a constant [in, out] matrix (or a Transpose of a constant [out, in] one), with the Add
 * of a constant [out] after it as its bias.
 */
const matMul: ImportPattern = {
  onnx: 'MatMul',
  map: (n, ctx) => {
    const direct = ctx.const(n.inputs[1]);
    const turned = direct === undefined ? transposedWeight(n.inputs[1], ctx) : undefined;
    const w = direct ?? (turned === undefined ? undefined : { ...turned, dims: [...turned.dims].reverse() });
    if (w?.floats === undefined || w.dims.length !== 2 || ctx.shape(x0(n))?.length !== 2) return false;
    const [r = 0, c = 0] = w.dims;
    // The weight as Linear keeps it, [out, in]: a transposed constant already is.
    const weight = turned?.floats ?? transpose(w.floats, r, c);
    const add = ctx.soleReader(n.outputs[0] ?? '');
    const other = add?.inputs.find((t) => t !== n.outputs[0]);
    const bias = add?.opType === 'Add' ? ctx.floats(other) : undefined;
    if (add !== undefined && bias?.length === c) {
      ctx.absorbed.add(add);
      const label = ctx.groupLabel([n, add], 'MatMul');
      return addLinear(n, ctx, weight, c, bias, add.outputs, label);
    }
    return addLinear(n, ctx, weight, c, undefined, n.outputs);
  },
};

type LinearParams = z.infer<typeof schema>;

/** The weight as a CSR matrix: one row per output feature, one column per input feature. */
const sparseWeight = ({ params: p, inputs }: CostContext<LinearParams>): SparseWeight => ({
  density: p.density,
  rows: p.outFeatures,
  columns: inputs[0]?.[1] ?? 0,
  bias: p.bias ? p.outFeatures : 0,
  positions: 1,
});

function linearCost({ params: p, inputs, outputs }: CostContext<LinearParams>): OpCost {
  const fin = inputs[0]?.[1] ?? 0;
  const weights = fin * p.outFeatures;
  const bias = p.bias ? p.outFeatures : 0;
  const io = elements(inputs[0] ?? []) + elements(outputs[0] ?? []);
  return {
    params: weights + bias,
    buffers: 0,
    multiplyAdds: weights,
    memoryAccess: io + weights + bias,
    memoryAccessConvFc: io + weights,
  };
}

export const linear = {
  kind: 'Linear',
  family: 'linear',
  title: 'Linear',
  description: 'Fully connected layer on a vector N×F (flatten a feature map first).',
  schema,
  inputCount: one,
  outputCount: one,
  infer: ({ params: p, inputs }) => {
    const x = anyTensor(inputs);
    if (!x.ok) return x;
    if (x.value.length !== 2)
      return fail('wrongRank', msg('expectsVector', { shape: formatShape(x.value) }), 'input 1');
    return ok([[x.value[0] ?? 1, p.outFeatures]]);
  },
  cost: linearCost,
  effective: (ctx) => sparseEffective(sparseWeight(ctx)),
  formulas: (ctx) => {
    const fin = ctx.inputs[0]?.[1] ?? 0;
    const c = linearCost(ctx);
    const o = ctx.params.outFeatures;
    return [
      {
        figure: 'params',
        symbolic: `in·out${ctx.params.bias ? ' + out' : ''}`,
        substituted: `${fin}·${o}${ctx.params.bias ? ` + ${o}` : ''} = ${fmt(c.params)}`,
      },
      { figure: 'multiplyAdds', symbolic: 'in·out', substituted: `${fin}·${o} = ${fmt(c.multiplyAdds)}` },
      {
        figure: 'memoryAccessConvFc',
        symbolic: 'input + output + weights',
        substituted: `${fin} + ${o} + ${fmt(fin * o)} = ${fmt(c.memoryAccessConvFc)}`,
      },
      {
        figure: 'memoryAccess',
        symbolic: 'input + output + weights + bias',
        substituted: fmt(c.memoryAccess),
      },
      ...sparseFormulas(sparseWeight(ctx)),
    ];
  },
  summary: (p, words) =>
    `${p.outFeatures}${p.density < 1 ? ` ${sayIn(words, msg('sumSparse', { share: Math.round(p.density * 1000) / 10 }))}` : ''}`,
  palette: 'pooling',
  traits: { widthFields: ['outFeatures'] },
  pytorch: linearTorch,
  onnx: { emit: emitLinear, patterns: [gemm, matMul, weightTranspose] },
  conformance: [
    { name: 'a classifier with bias', params: { outFeatures: 10 }, inputs: [[64]] },
    { name: 'without bias', params: { outFeatures: 7, bias: false }, inputs: [[48]] },
    { name: 'sparse, density 0.25', params: { outFeatures: 10, density: 0.25 }, inputs: [[64]] },
  ],
} satisfies OpDef<'Linear', typeof schema>;
