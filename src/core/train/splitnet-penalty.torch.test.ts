import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded, useWasm } from '../../../test-support/tfjs';
import {
  assignGroups,
  balanceTerm,
  disjointTerm,
  groupWeightTerm,
  mergeGroups,
  splitLoss,
  type SplitLayerTerms,
} from './splitnet-penalty';

/**
 * SplitNet's regularisers against closed forms and against PyTorch: fixtures/train/
 * splitnet_reference.py writes the authors' TensorFlow code (utils._add_split_loss,
 * ResNet.build_train_op) loop for loop in torch, float64, and gives the loss and its gradients.
 */
const python = process.env['PYTHON'] ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const script = join(__dirname, '../../../fixtures/train/splitnet_reference.py');

beforeAll(useWasm);

const softmaxCols = (a: tf.Tensor2D): tf.Tensor2D =>
  tf.transpose<tf.Tensor2D>(tf.softmax(tf.transpose<tf.Tensor2D>(a)));
const scalar = (t: tf.Tensor): number => t.dataSync()[0] ?? NaN;

describe('SplitNet regularisers: closed forms', () => {
  it('R_D, R_E and R_W of one-hot, uniform and block-diagonal cases', () => {
    tf.tidy(() => {
      const [G, D] = [3, 6];
      const oneHot = tf.tensor2d(
        Array.from({ length: G }, (_, g) =>
          Array.from({ length: D }, (_, i) => (Math.floor(i / 2) === g ? 1 : 0)),
        ),
      );
      const uniform = tf.fill<tf.Rank.R2>([G, D], 1 / G);
      // Disjoint groups overlap nowhere; uniform ones: Σ_{g<h} Σ_i 1/G² = D(G−1)/2G, normalised to 1.
      expect(scalar(disjointTerm(oneHot))).toBe(0);
      expect(scalar(disjointTerm(uniform))).toBeCloseTo(1, 6);
      // Equal groups: Σ_g (D/G)² / (D²/G) = 1; all in one group: D² / (D²/G) = G.
      expect(scalar(balanceTerm(oneHot))).toBeCloseTo(1, 6);
      const lopsided = tf.tensor2d([Array(D).fill(1), Array(D).fill(0), Array(D).fill(0)] as number[][]);
      expect(scalar(balanceTerm(lopsided))).toBeCloseTo(G, 6);
      // A block-diagonal weight between the same groups has nothing off its blocks.
      const block = tf.tensor2d(
        Array.from({ length: D }, (_, o) =>
          Array.from({ length: D }, (_, i) => (Math.floor(o / 2) === Math.floor(i / 2) ? 0.7 : 0)),
        ),
      );
      expect(scalar(groupWeightTerm(block, oneHot, oneHot))).toBe(0);
      // All-ones W [O, I] under uniform P, Q: each of the G groups gives 2(G−1)/G² in all,
      // and R_W = (2(G−1)/G) / (2(G−1)σ/G) = 1/σ = √I.
      const [O, I] = [5, 6];
      const ones = tf.ones([O, I]);
      const uOut = tf.fill<tf.Rank.R2>([G, O], 1 / G);
      expect(scalar(groupWeightTerm(ones, uniform, uOut))).toBeCloseTo(Math.sqrt(I), 5);
      // A 3×3 conv of ones reads W_ij as the root mean square over its kernel (1): σ = 1/√(9I), R_W = 3√I.
      expect(scalar(groupWeightTerm(tf.ones([O, I, 3, 3]), uniform, uOut))).toBeCloseTo(3 * Math.sqrt(I), 5);
      // Merging 4 groups into 2 sums consecutive rows.
      const four = tf.tensor2d([
        [1, 0],
        [2, 0],
        [0, 3],
        [0, 4],
      ]);
      expect(mergeGroups(four, 2).arraySync()).toEqual([
        [3, 0],
        [0, 7],
      ]);
    });
  });

  it('indices go to groups by argmax, greedily under equal capacities when argmax is unbalanced', () => {
    expect(
      assignGroups(
        [
          [0.9, 0.2, 0.6, 0.1],
          [0.1, 0.8, 0.4, 0.9],
        ],
        true,
      ),
    ).toEqual([
      [0, 2],
      [1, 3],
    ]);
    // Argmax puts 0, 1, 2 in group 0; balanced, the weakest of them (2, at 0.55) moves.
    expect(
      assignGroups(
        [
          [0.9, 0.8, 0.55, 0.1],
          [0.1, 0.2, 0.45, 0.9],
        ],
        true,
      ),
    ).toEqual([
      [0, 1],
      [2, 3],
    ]);
    // Classes need only a class per group: argmax as it is.
    expect(
      assignGroups(
        [
          [0.9, 0.8, 0.55, 0.1],
          [0.1, 0.2, 0.45, 0.9],
        ],
        false,
      ),
    ).toEqual([[0, 1, 2], [3]]);
  });
});

interface Layer {
  readonly in: string;
  readonly out: string;
  readonly wShape: readonly number[];
}
const alphaShapes: Record<string, [number, number]> = { a: [2, 6], b: [2, 4], c: [2, 5] };
const layers: Layer[] = [
  { in: 'a', out: 'b', wShape: [4, 6, 3, 3] },
  { in: 'b', out: 'c', wShape: [5, 4] },
];
const gammas: [number, number, number] = [1, 1, 10];
const alphas = Object.fromEntries(
  Object.entries(alphaShapes).map(([k, s], i) => [k, seeded(s[0] * s[1], 40 + i, -1.5, 1.5)]),
);
const weights = layers.map((l, k) =>
  seeded(
    l.wShape.reduce((a, b) => a * b, 1),
    60 + k,
  ),
);
let reference: Record<string, number[]> = {};
const dir = mkdtempSync(join(tmpdir(), 'splitnet-ref-'));

beforeAll(() => {
  const cases = [
    {
      alphas: Object.fromEntries(
        Object.entries(alphaShapes).map(([k, s]) => [k, { values: [...(alphas[k] ?? [])], shape: s }]),
      ),
      layers: layers.map((l, k) => ({ in: l.in, out: l.out, wShape: l.wShape, w: [...(weights[k] ?? [])] })),
      gammas,
    },
  ];
  writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
  const r = spawnSync(python, [script, join(dir, 'cases.json'), join(dir, 'out.json')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`PyTorch reference failed: ${r.stderr}`);
  reference =
    (JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Record<string, number[]>[])[0] ?? {};
}, 120000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const worst = (a: ArrayLike<number>, b: readonly number[]): number =>
  b.reduce((m, v, i) => Math.max(m, Math.abs((a[i] ?? NaN) - v) / Math.max(1, Math.abs(v))), 0);

describe('SplitNet regularisers equal the authors’ code in PyTorch', () => {
  it('a conv and a Linear layer: R_W, R_D, R_E, the loss and its gradients', () => {
    const names = Object.keys(alphaShapes);
    const leaves = [
      ...names.map((k) => tf.tensor2d(alphas[k] ?? [], alphaShapes[k])),
      ...layers.map((l, k) => tf.tensor(weights[k] ?? [], [...l.wShape])),
    ];
    const terms = (ls: readonly tf.Tensor[]): SplitLayerTerms[] => {
      const p = Object.fromEntries(names.map((k, i) => [k, softmaxCols(ls[i] as tf.Tensor2D)]));
      const seen = new Set<string>();
      return layers.map((l, k) => ({
        weight: ls[names.length + k] as tf.Tensor,
        pIn: p[l.in] as tf.Tensor2D,
        pOut: p[l.out] as tf.Tensor2D,
        first: [l.in, l.out].filter((s) => !seen.has(s) && seen.add(s)).map((s) => p[s] as tf.Tensor2D),
      }));
    };
    const ts = terms(leaves);
    const s = ts.map((t) => scalar(groupWeightTerm(t.weight, t.pIn, t.pOut)));
    expect(worst(s, reference['S'] ?? [])).toBeLessThan(1e-5);
    const t0 = ts[0]?.first ?? [];
    expect(scalar(tf.mean(tf.stack(t0.map(disjointTerm))))).toBeCloseTo(reference['T']?.[0] ?? NaN, 5);
    expect(scalar(tf.mean(tf.stack(t0.map(balanceTerm))))).toBeCloseTo(reference['U']?.[0] ?? NaN, 5);
    const loss = scalar(splitLoss(ts, { overlap: gammas[0], weight: gammas[1], balance: gammas[2] }));
    expect(loss).toBeCloseTo(reference['loss']?.[0] ?? NaN, 4);
    const grads = tf.grads((...ls: tf.Tensor[]) =>
      splitLoss(terms(ls), { overlap: gammas[0], weight: gammas[1], balance: gammas[2] }),
    )(leaves);
    [...names, ...layers.map((_, k) => `w${k}`)].forEach((name, i) => {
      const want = reference[name] ?? [];
      const got = (grads[i] as tf.Tensor).dataSync();
      expect(got.length, name).toBe(want.length);
      expect(worst(got, want), `d${name}`).toBeLessThan(1e-4);
    });
  });
});
