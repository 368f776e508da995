import * as tf from '@tensorflow/tfjs-core';
import type { LayerInfo } from '../analysis/analysis-types';
import type { Design, DesignWeights } from '../design/design-types';
import { layerWeight, weightSource, weightSpecs } from '../onnx/layer-weights';
import { savedCopies } from './saved-copies';

/** Roles a batch norm keeps as statistics, not trained: updated from batch statistics instead. */
const STATISTICS = new Set(['running_mean', 'running_var']);

interface Held {
  readonly layer: LayerInfo;
  readonly role: string;
  readonly dims: readonly number[];
  readonly variable: tf.Variable;
  /** 1 where a sparse or lookup weight may be non-zero (its pattern is kept while training). */
  readonly mask: tf.Tensor | undefined;
}

/**
 * The design's weights as tf.Variables, one per layer key and role, in PyTorch's layout, starting
 * from exactly the values both exports would write (imported or trained values where the design
 * has them, He initialisation seeded by `key.role` otherwise). Written back as DesignWeights.
 */
export class WeightStore {
  private readonly held = new Map<string, Held>();

  constructor(design: Design, layers: readonly LayerInfo[], seed: number) {
    const source = weightSource(design, seed, []);
    for (const layer of layers)
      for (const spec of weightSpecs(layer)) {
        const values = layerWeight(source, layer, spec.role);
        const sparse = (spec.density !== undefined && spec.density < 1) || spec.lookups !== undefined;
        const mask = sparse
          ? tf.keep(
              tf.tensor(
                Float32Array.from(values, (v) => (v === 0 ? 0 : 1)),
                [...spec.dims],
              ),
            )
          : undefined;
        const variable = tf.variable(
          tf.tensor(values, [...spec.dims]),
          !STATISTICS.has(spec.role),
          `${layer.key}.${spec.role}#${this.held.size}`,
        );
        this.held.set(`${layer.key}\n${spec.role}`, {
          layer,
          role: spec.role,
          dims: spec.dims,
          variable,
          mask,
        });
      }
  }

  /** A weight as the forward pass reads it (masked where the layer is sparse). */
  weight(layer: LayerInfo, role: string): tf.Tensor {
    const h = this.held.get(`${layer.key}\n${role}`);
    if (h === undefined) throw new Error(`${layer.op} ${layer.key} has no weight "${role}"`);
    return h.mask === undefined ? h.variable : tf.mul(h.variable, h.mask);
  }

  variable(layer: LayerInfo, role: string): tf.Variable | undefined {
    return this.held.get(`${layer.key}\n${role}`)?.variable;
  }

  /** The variables an optimizer updates: every trainable weight, or those of the given layers. */
  trainable(only?: ReadonlySet<string>): tf.Variable[] {
    return [...this.held.values()]
      .filter((h) => !STATISTICS.has(h.role) && (only === undefined || only.has(h.layer.key)))
      .map((h) => h.variable);
  }

  private readonly saved = savedCopies(() => [...this.held.values()].map((h) => h.variable));

  /** Keeps a copy of every value on the device: the weights a step computed a finite loss with. */
  checkpoint(): void {
    this.saved.checkpoint();
  }

  /** Back to the last checkpoint (after a step whose loss was NaN). */
  rollback(): void {
    this.saved.rollback();
  }

  /** Every weight in the design's format, by layer key and role (masked values for sparse layers). */
  toDesignWeights(source: string): DesignWeights {
    const layers: Record<string, Record<string, Float32Array>> = {};
    for (const h of this.held.values()) {
      const values = tf
        .tidy(() => (h.mask === undefined ? h.variable.clone() : tf.mul(h.variable, h.mask)))
        .dataSync() as Float32Array;
      (layers[h.layer.key] ??= {})[h.role] = values;
    }
    return { source, layers };
  }

  /** Values held, in all (the parameter count plus the batch norms' statistics). */
  get size(): number {
    let n = 0;
    for (const h of this.held.values()) n += h.variable.size;
    return n;
  }

  dispose(): void {
    this.saved.dispose();
    for (const h of this.held.values()) {
      h.variable.dispose();
      h.mask?.dispose();
    }
    this.held.clear();
  }
}
