import * as tf from '@tensorflow/tfjs-core';
import type { Design } from '../design/design-types';
import type { Refusal } from '../message';
import { consecutiveLists, type LearnedSplit } from '../methods/splitnet-learned';
import type { SplitLevel } from '../methods/splitnet-method';
import { splitSpaces, type SplitSpaces } from '../methods/splitnet-spaces';
import { SPLITNET_TERMS, type SplitTerms } from '../methods/splitnet-terms';
import type { PenaltyMaker } from './penalty';

export { SPLITNET_TERMS, type SplitTerms } from '../methods/splitnet-terms';

/**
 * SplitNet's terms (Kim et al. 2017, §3.2–3.3), as its authors' code computes them
 * (dalgu90/splitnet-wrn, utils.py and resnet.py). Assignments are G × D matrices whose columns
 * sum to 1, the softmax over groups of free variables α (initialised N(0, 0.01²)):
 * - group weight R_W(W, P, Q) = Σ_g Σ_i ‖((1−p_g) q_gᵀ ∘ W)_i·‖₂ + Σ_g Σ_j ‖(p_g (1−q_g)ᵀ ∘ W)_·j‖₂,
 *   rows i of the input space P, columns j of the output space Q; a conv's W_ij is the root mean
 *   square over its kernel; the row sum is divided by D_in√D_out, the column sum by √D_in·D_out,
 *   and R_W by 2(G−1)σ/G with σ = 1/√(k²D_in) (a fresh weight's scale);
 * - disjoint R_D(P) = Σ_{g<h} p_g·p_h / (D(G−1)/2G);
 * - balance R_E(P) = Σ_g (Σ_i p_gi)² / (D²/G).
 * The loss adds γ₁·mean R_D + γ₂·(Σ R_W² / Σ R_W, the weights stopped) + γ₃·mean R_E; each layer
 * adds one R_D and one R_E entry, the mean over the assignments it is the first to use.
 */
/** x, through which no gradient flows (TensorFlow's stop_gradient). */
const stopGradient: (x: tf.Tensor) => tf.Tensor = tf.customGrad((...inputs) => {
  const x = inputs[0] as tf.Tensor;
  return { value: tf.clone(x), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) };
});

/** √x with a zero gradient where x = 0 (a row a fixed assignment leaves out), not an infinite one. */
const safeSqrt: (x: tf.Tensor) => tf.Tensor = tf.customGrad((...inputs) => {
  const x = inputs[0] as tf.Tensor;
  const save = inputs[1] as tf.GradSaveFunc;
  const y = tf.sqrt(x);
  save([y]);
  return {
    value: y,
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const root = saved[0] as tf.Tensor;
      const positive = tf.greater(root, 0);
      return tf.where(
        positive,
        tf.div(dy, tf.mul(2, tf.where(positive, root, tf.onesLike(root)))),
        tf.zerosLike(root),
      );
    },
  };
});

/** R_W of one weight in PyTorch's layout ([out, in] or [out, in, kh, kw]) between P_in and P_out. */
export function groupWeightTerm(weight: tf.Tensor, pIn: tf.Tensor2D, pOut: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const [dOut = 1, dIn = 1] = weight.shape;
    const kk = weight.size / (dOut * dIn);
    const groups = pIn.shape[0];
    // [in, out]: the mean over the kernel of W².
    const w2 = tf.transpose(tf.mean(tf.reshape(tf.square(weight), [dOut, dIn, kk]), 2));
    const rows = tf.mul(tf.square(tf.sub(1, pIn)), tf.matMul(tf.square(pOut), w2, false, true));
    const cols = tf.mul(tf.square(tf.sub(1, pOut)), tf.matMul(tf.square(pIn), w2));
    const sum = tf.add(
      tf.div(tf.sum(safeSqrt(rows)), dIn * Math.sqrt(dOut)),
      tf.div(tf.sum(safeSqrt(cols)), Math.sqrt(dIn) * dOut),
    );
    const sigma = Math.sqrt(1 / (kk * dIn));
    return tf.div<tf.Scalar>(sum, (2 * (groups - 1) * sigma) / groups);
  });
}

/** R_D: the overlap of every two groups' assignments, normalised. */
export function disjointTerm(p: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const [groups, d] = p.shape;
    const pairs = tf.mul(0.5, tf.sum(tf.sub(tf.square(tf.sum(p, 0)), tf.sum(tf.square(p), 0))));
    return tf.div<tf.Scalar>(pairs, (d * (groups - 1)) / (2 * groups));
  });
}

/** R_E: the squared size of every group, normalised (G equal groups give 1). */
export function balanceTerm(p: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const [groups, d] = p.shape;
    return tf.div<tf.Scalar>(tf.sum(tf.square(tf.sum(p, 1))), (d * d) / groups);
  });
}

/** An assignment of G groups as a level of G/r groups reads it: every r consecutive rows summed. */
export function mergeGroups(p: tf.Tensor2D, groups: number): tf.Tensor2D {
  const [g, d] = p.shape;
  return g === groups ? p : tf.sum(tf.reshape(p, [groups, g / groups, d]), 1);
}

/** One split layer's part of the loss: its weight, its assignments, and those it uses first. */
export interface SplitLayerTerms {
  readonly weight: tf.Tensor;
  readonly pIn: tf.Tensor2D;
  readonly pOut: tf.Tensor2D;
  readonly first: readonly tf.Tensor2D[];
}

/** γ₁·mean R_D + γ₂·(weighted mean of R_W) + γ₃·mean R_E over the split layers, as resnet.py adds them. */
export function splitLoss(layers: readonly SplitLayerTerms[], terms: SplitTerms): tf.Scalar {
  return tf.tidy(() => {
    const parts: tf.Scalar[] = [];
    const firsts = layers.filter((l) => l.first.length > 0);
    const meanOf = (f: (p: tf.Tensor2D) => tf.Scalar): tf.Scalar =>
      tf.mean<tf.Scalar>(tf.stack(firsts.map((l) => tf.mean(tf.stack(l.first.map(f))))));
    if (firsts.length > 0 && terms.overlap > 0) parts.push(tf.mul(meanOf(disjointTerm), terms.overlap));
    if (layers.length > 0 && terms.weight > 0) {
      const s = tf.stack(layers.map((l) => groupWeightTerm(l.weight, l.pIn, l.pOut)));
      const held = stopGradient(s);
      parts.push(tf.mul(tf.div(tf.sum(tf.mul(held, s)), tf.sum(held)), terms.weight));
    }
    if (firsts.length > 0 && terms.balance > 0) parts.push(tf.mul(meanOf(balanceTerm), terms.balance));
    return parts.length === 0 ? tf.scalar(0) : tf.addN<tf.Scalar>(parts);
  });
}

/**
 * Indices to groups from a G × D assignment: the paper's argmax where every group then holds
 * D/G (`balanced`) or at least one (classes), else greedily by probability, highest first, into
 * groups of at most ⌈D/G⌉ (the tree's copies have equal widths).
 */
export function assignGroups(probs: readonly (readonly number[])[], balanced: boolean): number[][] {
  const groups = probs.length;
  const d = probs[0]?.length ?? 0;
  const best = Array.from({ length: d }, (_, i) => {
    let g = 0;
    for (let h = 1; h < groups; h++) if ((probs[h]?.[i] ?? 0) > (probs[g]?.[i] ?? 0)) g = h;
    return g;
  });
  const byArgmax = Array.from({ length: groups }, (_, g) => best.flatMap((b, i) => (b === g ? [i] : [])));
  const ok = byArgmax.every((members) => (balanced ? members.length === d / groups : members.length > 0));
  if (ok) return byArgmax;
  const cap = Math.ceil(d / groups);
  const pairs: [number, number, number][] = [];
  for (let g = 0; g < groups; g++) for (let i = 0; i < d; i++) pairs.push([probs[g]?.[i] ?? 0, g, i]);
  pairs.sort((a, b) => b[0] - a[0] || a[2] - b[2] || a[1] - b[1]);
  const out: number[][] = Array.from({ length: groups }, () => []);
  const taken = new Set<number>();
  for (const [, g, i] of pairs) {
    const members = out[g] as number[];
    if (taken.has(i) || members.length >= cap) continue;
    members.push(i);
    taken.add(i);
  }
  return out.map((members) => members.sort((a, b) => a - b));
}

export type SplitLearningResult =
  | {
      readonly ok: true;
      readonly spaces: SplitSpaces;
      /** The penalty to train with: SplitNet's terms over the layers after the split points. */
      readonly maker: PenaltyMaker;
      /** What training learned (after it ended): each space's groups and each leaf's classes. */
      readonly learned: () => LearnedSplit | undefined;
    }
  | ({ readonly ok: false } & Refusal);

/**
 * SplitNet's learning for `design` to be split as `levels`: a penalty with one α per learned
 * space, trained with the weights; when training ends its assignments are read by argmax.
 */
export function splitNetLearning(
  design: Design,
  levels: readonly SplitLevel[],
  terms: SplitTerms = SPLITNET_TERMS,
  seed = 0,
): SplitLearningResult {
  const spaces = splitSpaces(design, levels);
  if (!spaces.ok) return spaces;
  let result: LearnedSplit | undefined;
  const maker: PenaltyMaker = (net) => {
    const layerOf = new Map(net.analysis.layers.map((l) => [l.key, l]));
    const alphas = spaces.spaces.map((s, i) =>
      s.role === 'entry'
        ? undefined
        : tf.variable(
            tf.randomNormal([s.groups, s.size], 0, 0.01, 'float32', seed + i),
            true,
            `splitnet.alpha${i}`,
          ),
    );
    const fixed = spaces.spaces.map((s) =>
      s.role !== 'entry'
        ? undefined
        : tf.keep(
            tf.tensor2d(
              consecutiveLists(s.size, s.groups).map((members) =>
                Array.from({ length: s.size }, (_, i) => (members.includes(i) ? 1 : 0)),
              ),
            ),
          ),
    );
    const probsOf = (i: number): tf.Tensor2D => {
      const a = alphas[i];
      return a === undefined
        ? (fixed[i] as tf.Tensor2D)
        : tf.transpose<tf.Tensor2D>(tf.softmax(tf.transpose<tf.Tensor2D>(a as tf.Tensor2D)));
    };
    return {
      variables: alphas.filter((a): a is tf.Variable => a !== undefined),
      loss: () => {
        const probs = spaces.spaces.map((_, i) => probsOf(i));
        const seen = new Set<number>();
        const layers = spaces.weighted.map((w) => {
          const layer = layerOf.get(w.key);
          if (layer === undefined) throw new Error(`no layer ${w.key}`);
          const groups = spaces.copies[w.level - 1] ?? 1;
          const first = [w.inSpace, w.outSpace].filter((s) => {
            if (seen.has(s) || alphas[s] === undefined) return false;
            seen.add(s);
            return true;
          });
          return {
            weight: net.store.weight(layer, 'weight'),
            pIn: mergeGroups(probs[w.inSpace] as tf.Tensor2D, groups),
            pOut: mergeGroups(probs[w.outSpace] as tf.Tensor2D, groups),
            first: first.map((s) => probs[s] as tf.Tensor2D),
          };
        });
        return splitLoss(layers, terms);
      },
      learned: (trained: Design) => {
        const lists = spaces.spaces.map((s, i) => {
          if (alphas[i] === undefined) return consecutiveLists(s.size, s.groups);
          const p = tf.tidy(() => probsOf(i).arraySync());
          return assignGroups(p, s.role !== 'classes');
        });
        result = { spaces: lists, classes: lists[spaces.classSpace] ?? [] };
        return trained;
      },
      dispose: () => {
        for (const t of [...alphas, ...fixed]) t?.dispose();
      },
    };
  };
  return { ok: true, spaces, maker, learned: () => result };
}
