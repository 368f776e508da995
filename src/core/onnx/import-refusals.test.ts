import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { node, tinyBytes } from '../../../test-support/tiny-model';
import { importModel } from './import/import';
import { AttrType, attrFloat, attrInt, attrInts, floatTensor, int64Tensor, type P } from './proto';

/**
 * What the import must refuse, each as a small generated file with the sentence the user gets:
 * settings outside an op's definition, names given twice, weights that do not fit the layer they
 * build, values outside a setting's plausible range. The node's name is in every sentence.
 */
const filled = (n: number, v = 0.5): Float32Array => new Float32Array(n).fill(v);

/** A 4-channel 1×1 conv of the 3-channel input, with the given bias. */
const convWithBias = (bias: number): Uint8Array =>
  tinyBytes({
    nodes: [node('Conv', ['x', 'w', 'b'], ['y'], [attrInts('kernel_shape', [1, 1])], 'conv')],
    inits: [floatTensor('w', [4, 3, 1, 1], filled(12)), floatTensor('b', [bias], filled(bias))],
  });

/** Flatten the 1×3×2×2 input to 1×12, then a linear layer of 12 → 5 as given. */
const flatThen = (nodes: P.INodeProto[], inits: P.ITensorProto[]): Uint8Array =>
  tinyBytes({
    nodes: [node('Flatten', ['x'], ['flat'], [attrInt('axis', 1)], 'flatten'), ...nodes],
    inits,
    input: [1, 3, 2, 2],
  });

const refusals: readonly [what: string, bytes: () => Uint8Array, said: RegExp][] = [
  [
    'a 3-value bias on a 4-channel conv',
    () => convWithBias(3),
    /layer "conv" \(Conv2d\): its bias holds 3 values, but the layer needs 4/,
  ],
  [
    'a node that sets an attribute twice',
    () =>
      tinyBytes({
        nodes: [node('Concat', ['x', 'x'], ['y'], [attrInt('axis', 1), attrInt('axis', 2)], 'cat')],
      }),
    /node "cat" \(Concat\) sets the attribute "axis" twice/,
  ],
  [
    'an initializer listed twice',
    () =>
      tinyBytes({
        nodes: [node('Conv', ['x', 'w'], ['y'], [attrInts('kernel_shape', [1, 1])], 'conv')],
        inits: [floatTensor('w', [4, 3, 1, 1], filled(12)), floatTensor('w', [2, 3, 1, 1], filled(6))],
      }),
    /initializer "w" is listed twice/,
  ],
  [
    'a Split into [0, 0]',
    () =>
      tinyBytes({
        nodes: [node('Split', ['x', 'sizes'], ['a', 'b'], [attrInt('axis', 1)], 'split')],
        inits: [int64Tensor('sizes', [2], [0, 0])],
        outputs: ['a', 'b'],
      }),
    /node "split" \(Split\): its split sizes \[0, 0\] are not all whole numbers of at least 1/,
  ],
  [
    'a Split whose sizes do not add up to the axis',
    () =>
      tinyBytes({
        nodes: [node('Split', ['x', 'sizes'], ['a', 'b'], [attrInt('axis', 1)], 'split')],
        inits: [int64Tensor('sizes', [2], [1, 1])],
        outputs: ['a', 'b'],
      }),
    /node "split" \(Split\): its split sizes \[1, 1\] add up to 2, not to the 3 of axis 1/,
  ],
  [
    'a Concat with no axis',
    () => tinyBytes({ nodes: [node('Concat', ['x', 'x'], ['y'], [], 'cat')] }),
    /node "cat" \(Concat\): it sets no axis, which ONNX requires/,
  ],
  [
    'a Concat whose axis has no value',
    () =>
      tinyBytes({
        nodes: [node('Concat', ['x', 'x'], ['y'], [{ name: 'axis', type: AttrType.INT }], 'cat')],
      }),
    /node "cat" \(Concat\): its axis has no integer value/,
  ],
  [
    'a Gemm with transB = 2',
    () =>
      flatThen(
        [node('Gemm', ['flat', 'w'], ['y'], [attrInt('transB', 2)], 'fc')],
        [floatTensor('w', [5, 12], filled(60))],
      ),
    /node "fc" \(Gemm\): its transB is 2; ONNX allows 0 or 1/,
  ],
  [
    'a Transpose whose perm names an axis the input lacks',
    () => tinyBytes({ nodes: [node('Transpose', ['x'], ['y'], [attrInts('perm', [0, 1, 2, 7])], 't')] }),
    /node "t" \(Transpose\): its perm \[0, 1, 2, 7\] is not an order of the 4 axes of its input/,
  ],
  [
    'a Transpose whose perm repeats an axis',
    () => tinyBytes({ nodes: [node('Transpose', ['x'], ['y'], [attrInts('perm', [0, 1, 1, 3])], 't')] }),
    /node "t" \(Transpose\): its perm \[0, 1, 1, 3\] is not an order/,
  ],
  [
    'a batch norm epsilon that is 0 in float32',
    () =>
      tinyBytes({
        nodes: [
          node('BatchNormalization', ['x', 's', 'b', 'm', 'v'], ['y'], [attrFloat('epsilon', 1e-50)], 'bn'),
        ],
        inits: ['s', 'b', 'm', 'v'].map((n) =>
          floatTensor(n, [3], filled(3, n === 'v' || n === 's' ? 1 : 0)),
        ),
      }),
    /node "bn" \(BatchNormalization\): field epsilon: must be at least 1e-12/,
  ],
];

describe('the import refuses what no layer can be', () => {
  it.each(refusals)('%s', (_what, bytes, said) => {
    const r = importModel(bytes());
    expect(r.ok ? 'imported' : r.error).toMatch(said);
  });

  it('keeps a bias that fits its conv (the refusal above is about the size alone)', () => {
    const r = importModel(convWithBias(4));
    expect(r.ok ? 'imported' : r.error).toBe('imported');
  });
});

/** The Linear an import makes, with its figures counted here: in·out (+ out for a bias). */
function linearOf(bytes: Uint8Array): { outFeatures: number; bias: boolean; params: number; macs: number } {
  const r = importModel(bytes);
  if (!r.ok) throw new Error(r.error);
  const lin = r.design.nodes.filter((n) => n.kind === 'Linear');
  expect(r.design.nodes.filter((n) => n.kind === 'Opaque')).toEqual([]);
  expect(lin).toHaveLength(1);
  const p = lin[0]?.params as { outFeatures: number; bias: boolean };
  const t = analyze(r.design).totals;
  return { outFeatures: p.outFeatures, bias: p.bias, params: t.params, macs: t.multiplyAdds };
}

describe('a MatMul by a constant matrix imports as a Linear', () => {
  const w = floatTensor('w', [12, 5], filled(60));
  const wt = floatTensor('fc.weight', [5, 12], filled(60));
  const b = floatTensor('b', [5], filled(5));
  it('without a bias', () => {
    expect(linearOf(flatThen([node('MatMul', ['flat', 'w'], ['y'], [], 'fc')], [w]))).toEqual({
      outFeatures: 5,
      bias: false,
      params: 12 * 5,
      macs: 12 * 5,
    });
  });
  it('with the Add of a constant bias after it', () => {
    const nodes = [
      node('MatMul', ['flat', 'w'], ['m'], [], 'fc/mm'),
      node('Add', ['m', 'b'], ['y'], [], 'fc/add'),
    ];
    expect(linearOf(flatThen(nodes, [w, b]))).toEqual({ outFeatures: 5, bias: true, params: 65, macs: 60 });
  });
  it('with a Transpose of an [out, in] constant before it (a bias-free nn.Linear, constants not folded)', () => {
    const nodes = [
      node('Transpose', ['fc.weight'], ['wt'], [attrInts('perm', [1, 0])], 'fc/Transpose'),
      node('MatMul', ['flat', 'wt'], ['y'], [], 'fc/MatMul'),
    ];
    expect(linearOf(flatThen(nodes, [wt]))).toEqual({ outFeatures: 5, bias: false, params: 60, macs: 60 });
  });
  it('with both the Transpose before it and the Add after it', () => {
    const nodes = [
      node('Transpose', ['fc.weight'], ['wt'], [], 'fc/Transpose'),
      node('MatMul', ['flat', 'wt'], ['m'], [], 'fc/MatMul'),
      node('Add', ['m', 'b'], ['y'], [], 'fc/Add'),
    ];
    expect(linearOf(flatThen(nodes, [wt, b]))).toEqual({ outFeatures: 5, bias: true, params: 65, macs: 60 });
  });
  it('keeps the transposed weight in Linear’s [out, in] order', () => {
    const values = Float32Array.from({ length: 60 }, (_, i) => i);
    const bytes = flatThen(
      [
        node('Transpose', ['fc.weight'], ['wt'], [], 'fc/Transpose'),
        node('MatMul', ['flat', 'wt'], ['y'], [], 'fc/MatMul'),
      ],
      [floatTensor('fc.weight', [5, 12], values)],
    );
    const r = importModel(bytes);
    if (!r.ok) throw new Error(r.error);
    const stored = Object.values(r.design.weights?.layers ?? {})[0]?.['weight'] ?? '';
    const back = new Float32Array(Uint8Array.from(Buffer.from(stored, 'base64')).buffer);
    expect(Array.from(back)).toEqual(Array.from(values));
  });
});
