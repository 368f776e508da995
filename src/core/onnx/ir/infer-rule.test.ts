import { afterAll, describe, expect, it } from 'vitest';
import { blockKinds, anyBlockDef } from '../../blocks/block-registry';
import { installKinds } from '../../kind-table';
import { anyOpDef, opKinds } from '../../ops/op-registry';
import type { AnyOpDef } from '../../ops/op-types';
import { AttrType } from '../proto';
import { attrInt, type IrGraph } from './graph';
import { infer } from './infer';

/** A graph of one DepthToSpace node, an ONNX op infer.ts has no rule of its own for. */
const graph: IrGraph = {
  name: 'g',
  opset: 17,
  inputs: [{ name: 'x', shape: [1, 16, 4, 5] }],
  outputs: ['y'],
  nodes: [
    {
      name: 'd2s',
      opType: 'DepthToSpace',
      domain: '',
      inputs: ['x'],
      outputs: ['y'],
      attrs: new Map([['blocksize', { name: 'blocksize', i: 2, type: AttrType.INT }]]),
    },
  ],
  consts: new Map(),
  declaredShapes: new Map(),
  metadata: new Map(),
  notes: [],
};

const ops = opKinds.map(anyOpDef);
const blocks = blockKinds.map(anyBlockDef);
afterAll(() => {
  installKinds(ops, blocks);
});

describe('the importer’s shape inference reads the kinds’ own rules', () => {
  it('knows no shape for an ONNX op no kind describes', () => {
    expect(infer(graph).shapes.get('y')).toBeUndefined();
  });

  it('takes the shape rule an op kind’s import pattern brings (no edit of infer.ts)', () => {
    const [conv] = ops;
    if (conv === undefined) throw new Error('no ops');
    const pixelShuffle: AnyOpDef = {
      ...conv,
      kind: 'PixelShuffleProbe',
      onnx: {
        emit: (ctx, params) => conv.onnx.emit(ctx, params),
        patterns: [
          {
            onnx: 'DepthToSpace',
            map: () => false,
            // (N, C, H, W) → (N, C / b², H·b, W·b), written here from the ONNX operator's definition.
            shape: (node, [x]) => {
              const b = attrInt(node, 'blocksize', 1);
              const [n = 1, c = 0, h = 0, w = 0] = x ?? [];
              return x === undefined ? undefined : [[n, c / (b * b), h * b, w * b]];
            },
          },
        ],
      },
    };
    installKinds([...ops, pixelShuffle], blocks);
    expect(infer(graph).shapes.get('y')).toEqual([1, 4, 8, 10]);
  });
});
