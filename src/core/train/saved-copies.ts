import * as tf from '@tensorflow/tfjs-core';

/** Copies of some variables, kept on the device, and the way back to them. */
export function savedCopies(of: () => readonly tf.Variable[]): {
  checkpoint(): void;
  rollback(): void;
  dispose(): void;
} {
  let saved: tf.Tensor[] = [];
  return {
    checkpoint: () => {
      const copies = of().map((v) => tf.keep(v.clone()));
      tf.dispose(saved);
      saved = copies;
    },
    rollback: () => {
      of().forEach((v, i) => {
        const s = saved[i];
        if (s !== undefined) v.assign(s);
      });
    },
    dispose: () => {
      tf.dispose(saved);
      saved = [];
    },
  };
}
