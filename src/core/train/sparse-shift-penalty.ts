import * as tf from '@tensorflow/tfjs-core';
import type { LayerInfo } from '../analysis/analysis-types';
import { shiftGroups } from '../onnx/shift-onnx';
import { learnedShift, stopGradient } from './learned-shift-form';
import { maskOf } from './shift-rounding';
import type { Network } from './network';
import type { Penalty, PenaltyMaker } from './penalty';

/**
 * Sparse shift learning (Chen et al. 2019): every SparseShift layer of the design trains with real
 * per-channel displacements (a_c, b_c) through its learnable form (learned-shift-form.ts), and the
 * loss gains λ·Σ(|a_c| + |b_c|), the shift penalty that drives most displacements to zero. The L1
 * term is minimised by its proximal step: after each optimiser step every displacement shrinks
 * towards zero by lr·λ and stops there (soft threshold), so a large λ leaves exact zeros.
 *
 * Displacements start as the authors' release starts them: the channels in k² equal groups over the
 * k×k offsets (as Shift assigns them; the remainder unshifted). When training ends, each channel's
 * displacement rounds to an offset in the neighbourhood (roundShift) and `learned` writes the
 * layer's mask (`shifts`), which costs, exports and Run then follow.
 */

export interface ShiftLearning {
  /** The penalty's weight λ (0: displacements learn with no pull towards zero). */
  readonly lambda: number;
}

interface Learnt {
  readonly layer: LayerInfo;
  readonly kernel: number;
  readonly a: tf.Variable;
  readonly b: tf.Variable;
}

const paramsOf = (layer: LayerInfo): { kernel: number; dilation: number } => {
  const p = layer.params as { kernel?: number; dilation?: number };
  return { kernel: p.kernel ?? 3, dilation: p.dilation ?? 1 };
};

/** The start: Shift's assignment of C channels over the k×k offsets, as displacements (a = dy, b = dx). */
export function groupedStart(kernel: number, channels: number): { a: Float32Array; b: Float32Array } {
  const a = new Float32Array(channels);
  const b = new Float32Array(channels);
  for (const g of shiftGroups(kernel, 1, channels))
    for (let c = g.start; c < g.end; c++) {
      a[c] = g.dy;
      b[c] = g.dx;
    }
  return { a, b };
}

/** The penalty that learns every SparseShift layer's mask (none in the design: a term of zero). */
export function learnShifts(options: ShiftLearning): PenaltyMaker {
  const lambda = options.lambda;
  return (net: Network): Penalty => {
    const learnt: Learnt[] = net.structure.run
      .filter((l) => l.op === 'SparseShift' && l.key === l.nodeId)
      .map((layer) => {
        const { kernel, dilation } = paramsOf(layer);
        const start = groupedStart(kernel, layer.inputShapes[0]?.[1] ?? 0);
        const a = tf.variable(tf.tensor1d(start.a), true, `${layer.key}.shift_a`);
        const b = tf.variable(tf.tensor1d(start.b), true, `${layer.key}.shift_b`);
        net.replaceForm(layer.key, {
          forward: (_, inputs) => [learnedShift(inputs[0] as tf.Tensor4D, a, b, kernel, dilation)],
        });
        return { layer, kernel, a, b };
      });
    const variables = learnt.flatMap((l) => [l.a, l.b]);
    return {
      variables,
      // The term's value counts in the loss; its gradient is the proximal step below.
      loss: () =>
        variables.length === 0 || lambda === 0
          ? tf.scalar(0)
          : tf.mul(tf.addN(variables.map((v) => tf.sum(tf.abs(stopGradient(v))))), lambda),
      afterStep: (lr) => {
        const t = lr * lambda;
        if (t <= 0) return;
        tf.tidy(() => {
          for (const v of variables) v.assign(tf.mul(tf.sign(v), tf.relu(tf.sub(tf.abs(v), t))));
        });
      },
      learned: (design) => {
        const masks = new Map(
          learnt.map((l) => [l.layer.nodeId, maskOf(l.a.dataSync(), l.b.dataSync(), l.kernel)]),
        );
        return {
          ...design,
          nodes: design.nodes.map((n) => {
            const shifts = masks.get(n.id);
            return shifts === undefined || n.kind !== 'SparseShift'
              ? n
              : { ...n, params: { ...n.params, shifts } };
          }),
        };
      },
      dispose: () => {
        for (const v of variables) v.dispose();
      },
    };
  };
}
