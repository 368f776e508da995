import type { GraphBuilder } from '../design/builder';
import type { Design, PortRef } from '../design/design-types';
import { inceptionMerge } from '../methods/deeprebirth-inception-method';
import type { ExampleDef } from './example-types';
import { REBIRTH_PREFIX } from './deeprebirth';
import { sideBySide } from './side-by-side';

/** The label of the module's Concat (GoogLeNet's name for the module). */
export const INCEPTION_3A = 'inception_3a';

/** An inception module's widths as GoogLeNet's Table 1 lists them (Szegedy et al. 2015). */
export interface InceptionWidths {
  readonly w1x1: number;
  readonly reduce3x3: number;
  readonly w3x3: number;
  readonly reduce5x5: number;
  readonly w5x5: number;
  readonly poolProj: number;
}

/** Inception (3a): #1×1 64, #3×3 reduce 96, #3×3 128, #5×5 reduce 16, #5×5 32, pool proj 32. */
export const INCEPTION_3A_WIDTHS: InceptionWidths = {
  w1x1: 64,
  reduce3x3: 96,
  w3x3: 128,
  reduce5x5: 16,
  w5x5: 32,
  poolProj: 32,
};

/**
 * An inception module as GoogLeNet builds it: a 1×1 conv, a 1×1 reduction → 3×3 conv, a 1×1
 * reduction → 5×5 conv, and a 3×3/1 max pool → 1×1 projection, every conv with a bias and a ReLU,
 * joined by a Concat labelled `name` (after `prefix`).
 */
export function inceptionModule(w: InceptionWidths, prefix = '', name = INCEPTION_3A) {
  return (g: GraphBuilder, x: PortRef): PortRef => {
    const at = (label: string): string => `${prefix}${label}`;
    const conv = (width: number, k: number, input: PortRef, label: string): PortRef => {
      const p = (k - 1) / 2;
      const c = g.add(
        'Conv2d',
        { outChannels: width, kernel: [k, k], padding: [p, p], bias: true },
        [input],
        at(label),
      );
      return g.add('ReLU', {}, [c], at(`relu_${label}`));
    };
    const pool = g.add('MaxPool', { kernel: [3, 3], stride: [1, 1], padding: [1, 1] }, [x], at('pool'));
    const branches = [
      conv(w.w1x1, 1, x, '1x1'),
      conv(w.w3x3, 3, conv(w.reduce3x3, 1, x, '3x3_reduce'), '3x3'),
      conv(w.w5x5, 5, conv(w.reduce5x5, 1, x, '5x5_reduce'), '5x5'),
      conv(w.poolProj, 1, pool, 'pool_proj'),
    ];
    return g.add('Concat', { inputs: 4 }, branches, at(name));
  };
}

/**
 * The example: inception (3a) as in GoogLeNet beside the same module after DeepRebirth's branch
 * merge (the 1×1 branch merged into the 3×3, the pool branch into the 5×5), one input for both.
 */
export function deepRebirthInceptionDesign(): Design {
  const both = sideBySide(
    'DeepRebirth: inception (3a) before and after the branch merge',
    { channels: 192, height: 28, width: 28 },
    inceptionModule(INCEPTION_3A_WIDTHS),
    inceptionModule(INCEPTION_3A_WIDTHS, REBIRTH_PREFIX),
  );
  const concat = both.nodes.find((n) => n.label === `${REBIRTH_PREFIX}${INCEPTION_3A}`);
  const r = inceptionMerge(both, concat?.id ?? '');
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

/**
 * Li et al. 2018 (DeepRebirth), branch slimming of GoogLeNet's inception (3a): 159K params and 128M
 * multiply-adds as in Szegedy et al.'s Table 1 (163,328 weights, 128,049,152 multiply-adds, plus 368
 * biases here) beside the merged module, 3×3 of 64 + 128 = 192 and 5×5 of 32 + 32 = 64: the non-tensor
 * pool branch is gone, the output still 256 wide, but the grown convs cost 212,992 weights and
 * 166,985,728 multiply-adds until the reductions are slimmed (Inspector or `merge --slim`).
 */
export const deepRebirthInceptionExample: ExampleDef = {
  name: 'deeprebirth_inception',
  method: 'DeepRebirth, merging the branches of an inception module',
  surveyRef: 139,
  level: 'layer',
  shows:
    "GoogLeNet's inception (3a) (159K params, 128M multiply-adds) beside it with the 1×1 branch merged into the 3×3 (192 wide) and the pool branch into the 5×5 (64 wide): one branch of non-tensor layers fewer, the output 256 wide, 167M multiply-adds until the reductions are slimmed",
  build: deepRebirthInceptionDesign,
};
