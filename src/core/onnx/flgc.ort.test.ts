import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import { countFile } from '../../../test-support/onnx-count';
import { importDesign } from '../../../test-support/onnx-round-trip';
import { randomInput } from '../../../test-support/ort';
import { exportDesign } from './export/onnx-export';
import { readModel } from './ir/read';
import { encodeModel, int64Tensor, pb, type P } from './proto';

const C = 7;
const N = 5;
const H = 6;
const channelGroups = [2, 0, 1, 0, 2, 0, 1];
const filterGroups = [1, 0, 2, 2, 0];

function design(params: object): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: C, height: H, width: H }, [], 'input');
  g.output(g.add('FullyLearnableGroupConv', params, [x], 'flgc'), 'out');
  return g.design('flgc');
}

async function runOnce(bytes: Uint8Array, x: Float32Array): Promise<Float32Array> {
  const s = await ort.InferenceSession.create(bytes);
  const out = await s.run({ input: new ort.Tensor('float32', x, [1, C, H, H]) });
  await s.release();
  return (Object.values(out)[0] as ort.Tensor).data as Float32Array;
}

function expectClose(got: Float32Array, want: readonly number[]): void {
  expect(got.length).toBe(want.length);
  for (const [i, v] of got.entries()) expect(v).toBeCloseTo(want[i] ?? NaN, 5);
}

describe('FLGC in ONNX', () => {
  const d = design({ outChannels: N, groups: 3, bias: true, channelGroups, filterGroups });
  const r = exportDesign(d, { seed: 3 });
  if (!r.ok) throw new Error(r.errors.join('; '));
  const read = readModel(r.bytes);
  if (!read.ok) throw new Error(read.error);
  const consts = read.graph.consts;

  it('writes Gather → Split → a Conv per group → Concat → Gather', () => {
    expect(read.graph.nodes.map((n) => n.opType)).toEqual([
      'Gather',
      'Split',
      'Conv',
      'Conv',
      'Conv',
      'Concat',
      'Gather',
    ]);
  });

  it('the file’s own multiply-adds and params equal the design’s (Σ_g |in_g|·|out_g|·9·H′W′)', () => {
    // in: group 0 {1, 3, 5}, 1 {2, 6}, 2 {0, 4}; out: group 0 {1, 4}, 1 {0}, 2 {2, 3}.
    const pairs = 3 * 2 + 2 * 1 + 2 * 2;
    const file = countFile(read.graph);
    expect(file.multiplyAdds).toBe(pairs * 9 * H * H);
    expect(file.params).toBe(pairs * 9 + N);
    const a = analyze(d).totals;
    expect(a.multiplyAdds).toBe(file.multiplyAdds);
    expect(a.params).toBe(file.params);
  });

  it('computes out[f] = b[f] + Σ over the channels c of f’s group of W_g[f, c] ∗ x[c] (a direct conv written here)', async () => {
    const x = randomInput([1, C, H, H], 5);
    const got = await runOnce(r.bytes, x);
    // Members of each group in ascending order: the rank of a channel (filter) within its group is its column (row).
    const rank = (list: readonly number[], i: number) => list.slice(0, i).filter((g) => g === list[i]).length;
    const count = (list: readonly number[], g: number) => list.filter((v) => v === g).length;
    for (let f = 0; f < N; f++) {
      const g = filterGroups[f] ?? 0;
      const w = consts.get(`flgc.convs.${g}.weight`)?.floats ?? new Float32Array();
      const b = consts.get(`flgc.convs.${g}.bias`)?.floats ?? new Float32Array();
      const cols = count(channelGroups, g);
      const row = rank(filterGroups, f);
      for (let y = 0; y < H; y++)
        for (let xx = 0; xx < H; xx++) {
          let s = b[row] ?? 0;
          for (let c = 0; c < C; c++) {
            if (channelGroups[c] !== g) continue;
            const col = rank(channelGroups, c);
            for (let ky = 0; ky < 3; ky++)
              for (let kx = 0; kx < 3; kx++) {
                const iy = y + ky - 1;
                const ix = xx + kx - 1;
                if (iy < 0 || ix < 0 || iy >= H || ix >= H) continue;
                s += (w[((row * cols + col) * 3 + ky) * 3 + kx] ?? 0) * (x[(c * H + iy) * H + ix] ?? 0);
              }
          }
          expect(got[(f * H + y) * H + xx]).toBeCloseTo(s, 4);
        }
    }
  });

  it('imports back as the same kind with the same assignment and weights', async () => {
    const back = importDesign(r.bytes);
    const node = back.nodes.find((n) => n.kind === 'FullyLearnableGroupConv');
    expect(node?.params).toMatchObject({
      groups: 3,
      channelGroups,
      filterGroups,
      bias: true,
      outChannels: N,
    });
    const again = exportDesign(back, { seed: 99 });
    if (!again.ok) throw new Error(again.errors.join('; '));
    const x = randomInput([1, C, H, H], 8);
    expect([...(await runOnce(again.bytes, x))]).toEqual([...(await runOnce(r.bytes, x))]);
  });

  it('a file whose order within a group is not ascending reads back as the same layer, its weights reordered', async () => {
    const model = pb.ModelProto.decode(r.bytes);
    const graph = model.graph as P.GraphProto;
    const node = (name: string) => graph.node.find((n) => n.name === name) as P.NodeProto;
    const tensor = (name: string) => graph.initializer.find((t) => t.name === name) as P.TensorProto;
    const floats = (t: P.TensorProto) => new Float32Array(Uint8Array.from(t.rawData).buffer);
    // Group 0's channels 1, 3, 5 sit at places 0–2 of the first gather: reverse them and conv0's columns.
    node('flgc/gather_in').input[1] = 'reordered_in';
    graph.initializer.push(pb.TensorProto.create(int64Tensor('reordered_in', [C], [5, 3, 1, 2, 6, 0, 4])));
    const w0 = tensor(node('flgc/conv0').input[1] ?? '');
    const a0 = floats(w0);
    const b0 = new Float32Array(a0.length);
    for (let o = 0; o < 2; o++)
      for (let k = 0; k < 3; k++)
        b0.set(a0.subarray((o * 3 + k) * 9, (o * 3 + k + 1) * 9), (o * 3 + (2 - k)) * 9);
    w0.rawData = new Uint8Array(b0.buffer);
    // Group 2's filters 2 and 3 sit at places 3 and 4 of the concat: swap them, conv2's rows and biases too.
    node('flgc/gather_out').input[1] = 'reordered_out';
    graph.initializer.push(pb.TensorProto.create(int64Tensor('reordered_out', [N], [2, 0, 4, 3, 1])));
    for (const [i, per] of [
      [1, 2 * 9],
      [2, 1],
    ] as const) {
      const t = tensor(node('flgc/conv2').input[i] ?? '');
      const v = floats(t);
      t.rawData = new Uint8Array(
        Float32Array.from([...v.subarray(per, 2 * per), ...v.subarray(0, per)]).buffer,
      );
    }
    const edited = encodeModel(model);
    const x = randomInput([1, C, H, H], 12);
    const want = [...(await runOnce(r.bytes, x))];
    // The same function (up to the order of the sums): the edit is a faithful reordering.
    expectClose(await runOnce(edited, x), want);
    const back = importDesign(edited);
    expect(back.nodes.find((n) => n.kind === 'FullyLearnableGroupConv')?.params).toMatchObject({
      channelGroups,
      filterGroups,
    });
    const again = exportDesign(back);
    if (!again.ok) throw new Error(again.errors.join('; '));
    expectClose(await runOnce(again.bytes, x), want);
  });

  it('a seeded default comes back as its explicit lists: the same function and figures', async () => {
    const seeded = design({ outChannels: N, groups: 3, seed: 11 });
    const bytes = exportDesign(seeded, { seed: 1 });
    if (!bytes.ok) throw new Error(bytes.errors.join('; '));
    const back = importDesign(bytes.bytes);
    const p = back.nodes.find((n) => n.kind === 'FullyLearnableGroupConv')?.params as {
      readonly channelGroups: readonly number[];
      readonly filterGroups: readonly number[];
    };
    expect(p.channelGroups).toHaveLength(C);
    expect(p.filterGroups).toHaveLength(N);
    expect(new Set(p.channelGroups)).toEqual(new Set([0, 1, 2]));
    expect(new Set(p.filterGroups)).toEqual(new Set([0, 1, 2]));
    expect(analyze(back).totals).toEqual(analyze(seeded).totals);
    const again = exportDesign(back, { seed: 2 });
    if (!again.ok) throw new Error(again.errors.join('; '));
    const x = randomInput([1, C, H, H], 9);
    expect([...(await runOnce(again.bytes, x))]).toEqual([...(await runOnce(bytes.bytes, x))]);
  });
});
