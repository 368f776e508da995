import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import { inceptionMerge } from '../methods/deeprebirth-inception-method';
import { inceptionModule, type InceptionWidths } from './deeprebirth-inception';

/**
 * Szegedy et al. 2015 ("Going deeper with convolutions"), Table 1, the nine inception rows: input
 * channels and size, the six widths, and the printed params (K) and ops (M).
 */
const TABLE_1: readonly (readonly [string, number, number, InceptionWidths, number, number])[] = [
  ['3a', 192, 28, { w1x1: 64, reduce3x3: 96, w3x3: 128, reduce5x5: 16, w5x5: 32, poolProj: 32 }, 159, 128],
  ['3b', 256, 28, { w1x1: 128, reduce3x3: 128, w3x3: 192, reduce5x5: 32, w5x5: 96, poolProj: 64 }, 380, 304],
  ['4a', 480, 14, { w1x1: 192, reduce3x3: 96, w3x3: 208, reduce5x5: 16, w5x5: 48, poolProj: 64 }, 364, 73],
  ['4b', 512, 14, { w1x1: 160, reduce3x3: 112, w3x3: 224, reduce5x5: 24, w5x5: 64, poolProj: 64 }, 437, 88],
  ['4c', 512, 14, { w1x1: 128, reduce3x3: 128, w3x3: 256, reduce5x5: 24, w5x5: 64, poolProj: 64 }, 463, 100],
  ['4d', 512, 14, { w1x1: 112, reduce3x3: 144, w3x3: 288, reduce5x5: 32, w5x5: 64, poolProj: 64 }, 580, 119],
  [
    '4e',
    528,
    14,
    { w1x1: 256, reduce3x3: 160, w3x3: 320, reduce5x5: 32, w5x5: 128, poolProj: 128 },
    840,
    170,
  ],
  ['5a', 832, 7, { w1x1: 256, reduce3x3: 160, w3x3: 320, reduce5x5: 32, w5x5: 128, poolProj: 128 }, 1072, 54],
  ['5b', 832, 7, { w1x1: 384, reduce3x3: 192, w3x3: 384, reduce5x5: 48, w5x5: 128, poolProj: 128 }, 1388, 71],
];

function module(cin: number, size: number, w: InceptionWidths) {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: cin, height: size, width: size }, [], 'input');
  g.output(inceptionModule(w, '', 'inception')(g, x));
  return g.design('inception');
}

/** Σ Cin·Cout·k² over the module's convs (Table 1 counts weights; the biases are apart). */
const weightsOf = (cin: number, w: InceptionWidths): number =>
  cin * w.w1x1 +
  cin * w.reduce3x3 +
  w.reduce3x3 * 9 * w.w3x3 +
  cin * w.reduce5x5 +
  w.reduce5x5 * 25 * w.w5x5 +
  cin * w.poolProj;
const biasesOf = (w: InceptionWidths): number =>
  w.w1x1 + w.reduce3x3 + w.w3x3 + w.reduce5x5 + w.w5x5 + w.poolProj;

// The printed table rounds, and three of its figures disagree with its own widths: 4c's params
// (463K printed, 497.5K counted), 5a's params and ops (1072K and 54M printed, 1018K and 51.1M
// counted). Every other printed figure is within 2 % (params, K = 1024) and 1 % (ops) of the count.
const OFF = new Set(['4c params', '5a params', '5a ops']);

describe('GoogLeNet Table 1, the inception rows, counted', () => {
  it.each(TABLE_1)('inception (%s)', (name, cin, size, w, paramsK, opsM) => {
    const t = analyze(module(cin, size, w)).totals;
    const weights = weightsOf(cin, w);
    expect(t.params).toBe(weights + biasesOf(w));
    expect(t.multiplyAdds).toBe(weights * size * size);
    const params = weights / 1024 / paramsK - 1;
    const ops = t.multiplyAdds / 1e6 / opsM - 1;
    if (!OFF.has(`${name} params`)) expect(Math.abs(params)).toBeLessThan(0.02);
    else expect(Math.abs(params)).toBeGreaterThan(0.05);
    if (!OFF.has(`${name} ops`)) expect(Math.abs(ops)).toBeLessThan(0.01);
    else expect(Math.abs(ops)).toBeGreaterThan(0.05);
  });

  // Li et al. 2018, every module merged: the 3×3 takes #1×1, the 5×5 takes #pool proj.
  it.each(TABLE_1)(
    'inception (%s) merged: 3×3 of #1×1 + #3×3, 5×5 of #5×5 + #pool proj',
    (_, cin, size, w) => {
      const d = module(cin, size, w);
      const r = inceptionMerge(d, d.nodes.find((n) => n.label === 'inception')?.id ?? '');
      if (!r.ok) throw new Error(r.error);
      const merged =
        cin * w.reduce3x3 +
        w.reduce3x3 * 9 * (w.w1x1 + w.w3x3) +
        cin * w.reduce5x5 +
        w.reduce5x5 * 25 * (w.w5x5 + w.poolProj);
      expect(r.after.params).toBe(merged + biasesOf(w));
      expect(r.after.multiplyAdds).toBe(merged * size * size);
    },
  );
});
