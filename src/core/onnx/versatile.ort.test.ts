import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import { exportBytes, importDesign } from '../../../test-support/onnx-round-trip';
import { randomInput, run } from '../../../test-support/ort';
import { readModel } from './ir/read';

const C = 6;
const H = 7;
const P = 2;
const D = 5;
const DELTA = 2;
const G = 1;
const S = 3; // ⌈5/2⌉
const N = 3; // δ/g + 1
const C_HAT = C - DELTA;

function versatileNet(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: C, height: H, width: H }, [], 'input');
  const v = g.add(
    'VersatileConv',
    { outChannels: P * S * N, kernel: D, padding: 2, bias: true, channelDelta: DELTA, channelStride: G },
    [x],
    'versatile',
  );
  g.output(v, 'out');
  return g.design('versatile net');
}

/**
 * Versatile filters as the paper's Fig. 2(b) defines them, written here in the loop form of the
 * authors' VConv2d: for each spatial index i and channel window j, a conv of the primary filters
 * cropped to their centre (d − 2i)² and to their channels j·g … j·g + ĉ − 1, over the same input
 * channels, with padding reduced by i, outputs concatenated (i outer, j inner). (Their released
 * code crops every window to the primary's first ĉ channels; the paper's window is the one their
 * issue #1 accepts.)
 */
function authorsForward(x: Float32Array, primary: Float32Array, bias: Float32Array): Float32Array {
  const out = new Float32Array(P * S * N * H * H);
  for (let i = 0; i < S; i++)
    for (let j = 0; j < N; j++)
      for (let p = 0; p < P; p++) {
        const o = (i * N + j) * P + p;
        const k = D - 2 * i;
        const pad = 2 - i;
        for (let y = 0; y < H; y++)
          for (let z = 0; z < H; z++) {
            let sum = bias[o] ?? 0;
            for (let c = 0; c < C_HAT; c++)
              for (let a = 0; a < k; a++)
                for (let b = 0; b < k; b++) {
                  const iy = y - pad + a;
                  const ix = z - pad + b;
                  if (iy < 0 || ix < 0 || iy >= H || ix >= H) continue;
                  const w = primary[((p * C + j * G + c) * D + a + i) * D + b + i] ?? 0;
                  sum += w * (x[((j * G + c) * H + iy) * H + ix] ?? 0);
                }
            out[(o * H + y) * H + z] = sum;
          }
      }
  return out;
}

describe('versatile filters in ONNX', () => {
  const design = versatileNet();
  const bytes = exportBytes(design, { seed: 3 });

  it('one Conv whose dense weight holds the secondary filters: P·n·ĉ·Σ(d − 2i)² non-zeros', () => {
    const read = readModel(bytes);
    if (!read.ok) throw new Error(read.error);
    expect(read.graph.nodes.map((n) => n.opType)).toEqual(['Conv']);
    const weight = read.graph.consts.get('versatile.weight');
    expect(weight?.dims).toEqual([P * S * N, C, D, D]);
    expect(weight?.floats?.filter((v) => v !== 0).length).toBe(P * N * C_HAT * (25 + 9 + 1));
  });

  it('onnxruntime computes what the authors’ per-secondary convs compute', async () => {
    const back = importDesign(bytes);
    const layer = analyze(back).layers.find((l) => l.op === 'VersatileConv');
    expect(layer).toBeDefined();
    const stored = back.weights?.layers[layer?.key ?? ''];
    const primary = stored?.['weight'];
    const bias = stored?.['bias'];
    if (primary === undefined || bias === undefined) throw new Error('no imported weights');
    expect(primary.length).toBe(P * C * D * D); // the paper's P·c·d²
    const out = await run(bytes, design);
    const got = out['out']?.data as Float32Array;
    const want = authorsForward(randomInput([1, C, H, H], 1), primary, bias);
    expect(got.length).toBe(want.length);
    let worst = 0;
    want.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - (got[k] ?? NaN)))));
    expect(worst).toBeLessThan(1e-4);
  });

  it('imports back as the same versatile conv, with the exported primary filters', () => {
    const back = importDesign(bytes);
    const node = back.nodes.find((n) => n.kind === 'VersatileConv');
    expect(node?.params).toMatchObject({
      outChannels: 18,
      kernel: 5,
      channelDelta: 2,
      channelStride: 1,
      bias: true,
    });
    const again = exportBytes(back, { seed: 99 });
    // The imported primaries, not a new seed's: the file is the same bytes' weights.
    const a = readModel(bytes);
    const b = readModel(again);
    if (!a.ok || !b.ok) throw new Error('unreadable');
    expect(b.graph.consts.get('versatile.weight')?.floats).toEqual(
      a.graph.consts.get('versatile.weight')?.floats,
    );
  });
});
