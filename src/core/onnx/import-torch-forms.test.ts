import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { node, tinyBytes } from '../../../test-support/tiny-model';
import { importModel } from './import/import';
import { attrInt, attrInts, floatTensor, int64Tensor, type P } from './proto';
import { shiftGroups } from './shift-onnx';

/**
 * The forms torch.onnx.export writes for this app's PyTorch modules, as small generated files:
 * a bias-free nn.Linear when constants are not folded (Transpose of the weight, then MatMul), and
 * the Shift module (torch writes each channel group as a chain of Slices, one per axis).
 */
const filled = (n: number, v = 0.5): Float32Array => new Float32Array(n).fill(v);

/** Flatten the 1×3×2×2 input to 1×12, then a linear layer of 12 → 5 as given. */
const flatThen = (nodes: P.INodeProto[], inits: P.ITensorProto[]): Uint8Array =>
  tinyBytes({
    nodes: [node('Flatten', ['x'], ['flat'], [attrInt('axis', 1)], 'flatten'), ...nodes],
    inits,
    input: [1, 3, 2, 2],
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
    const back = Object.values(r.design.weights?.layers ?? {})[0]?.['weight'] ?? new Float32Array();
    expect(Array.from(back)).toEqual(Array.from(values));
  });
});

/**
 * torch's Shift: Pad by 1, then per channel group x[:, a:b] of the unpadded input (no shift) or
 * padded[:, a:b][:, :, i:i+H][:, :, :, j:j+W], each axis its own Slice, and a Concat along channels.
 */
function torchShift(channels: number): Uint8Array {
  const [h, w] = [6, 6];
  const nodes: P.INodeProto[] = [node('Pad', ['x', 'pads'], ['padded'], [], '/shift/Pad')];
  const inits: P.ITensorProto[] = [int64Tensor('pads', [8], [0, 0, 1, 1, 0, 0, 1, 1])];
  const parts: string[] = [];
  const slice = (from: string, axis: number, start: number, end: number, name: string): string => {
    const k = `${name}_k`;
    inits.push(int64Tensor(`${k}_s`, [1], [start]), int64Tensor(`${k}_e`, [1], [end]));
    inits.push(int64Tensor(`${k}_a`, [1], [axis]), int64Tensor(`${k}_t`, [1], [1]));
    nodes.push(node('Slice', [from, `${k}_s`, `${k}_e`, `${k}_a`, `${k}_t`], [name], [], `/shift/${name}`));
    return name;
  };
  shiftGroups(3, 1, channels).forEach((g, i) => {
    if (g.dy === 0 && g.dx === 0) {
      parts.push(slice('x', 1, g.start, g.end, `g${i}c`));
      return;
    }
    const c = slice('padded', 1, g.start, g.end, `g${i}c`);
    const y = slice(c, 2, 1 + g.dy, 1 + g.dy + h, `g${i}h`);
    parts.push(slice(y, 3, 1 + g.dx, 1 + g.dx + w, `g${i}w`));
  });
  nodes.push(node('Concat', parts, ['y'], [attrInt('axis', 1)], '/shift/Concat'));
  return tinyBytes({ nodes, inits, input: [1, channels, h, w] });
}

describe('torch’s Shift module imports as one Shift', () => {
  it.each([9, 18, 32])('%d channels: a chain of Slices per group, one Shift of kernel 3', (channels) => {
    const r = importModel(torchShift(channels));
    if (!r.ok) throw new Error(r.error);
    const kinds = r.design.nodes.map((n) => n.kind);
    expect(kinds).toEqual(['Input', 'Shift', 'Output']);
    expect(r.design.nodes[1]?.params).toMatchObject({ kernel: 3, dilation: 1 });
  });

  it('a chain that does not keep the map’s size stays as the ops it is', () => {
    const r = importModel(
      tinyBytes({
        nodes: [
          node('Pad', ['x', 'pads'], ['padded'], [], 'pad'),
          node('Slice', ['padded', 's', 'e', 'a'], ['c'], [], 's1'),
          node('Slice', ['c', 's2', 'e2', 'a2'], ['d'], [], 's2'),
          node('Concat', ['d'], ['y'], [attrInt('axis', 1)], 'cat'),
        ],
        inits: [
          int64Tensor('pads', [8], [0, 0, 1, 1, 0, 0, 1, 1]),
          int64Tensor('s', [1], [0]),
          int64Tensor('e', [1], [3]),
          int64Tensor('a', [1], [1]),
          int64Tensor('s2', [1], [0]),
          int64Tensor('e2', [1], [5]),
          int64Tensor('a2', [1], [2]),
        ],
      }),
    );
    expect(r.ok && r.design.nodes.some((n) => n.kind === 'Shift')).toBe(false);
  });
});
