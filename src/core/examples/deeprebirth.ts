import type { GraphBuilder } from '../design/builder';
import type { Design, PortRef } from '../design/design-types';
import { branchMerge, streamlineMerge } from '../methods/deeprebirth-method';
import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/** The label prefix of the method side's layers (the baseline's are unprefixed). */
export const REBIRTH_PREFIX = 'rebirth_';

/**
 * A small GoogLeNet-like stem and module as trained: conv1 3×3 (3 → 16) → BN → ReLU → 2×2/2 max
 * pool, three parallel 1×1 branches (8, 16, 8) joined by a Concat, then conv2 3×3 (32 → 32) → ReLU.
 */
function trained(prefix: string) {
  return (g: GraphBuilder, input: PortRef): PortRef => {
    const at = (label: string): string => `${prefix}${label}`;
    const conv1 = g.add('Conv2d', { outChannels: 16 }, [input], at('conv1'));
    const relu1 = g.add('ReLU', {}, [g.add('BatchNorm', {}, [conv1], at('bn1'))], at('relu1'));
    const pool = g.add('MaxPool', { kernel: [2, 2], stride: [2, 2], padding: [0, 0] }, [relu1], at('pool1'));
    const branches = [8, 16, 8].map((c, i) =>
      g.add('Conv2d', { outChannels: c, kernel: [1, 1], padding: [0, 0] }, [pool], at(`branch${i + 1}`)),
    );
    const concat = g.add('Concat', { inputs: 3 }, branches, at('concat'));
    return g.add('ReLU', {}, [g.add('Conv2d', { outChannels: 32 }, [concat], at('conv2'))], at('relu2'));
  };
}

const idOf = (design: Design, label: string): string =>
  design.nodes.find((n) => n.label === label)?.id ?? label;

const merges = (prefix: string) => [
  (d: Design) => streamlineMerge(d, idOf(d, `${prefix}pool1`)),
  (d: Design) => branchMerge(d, idOf(d, `${prefix}concat`)),
];

/** The design after `steps` (merges of the core), each required to succeed. */
function applied(
  design: Design,
  steps: readonly ((d: Design) => ReturnType<typeof streamlineMerge>)[],
): Design {
  let d = design;
  for (const step of steps) {
    const r = step(d);
    if (!r.ok) throw new Error(r.error);
    d = r.design;
  }
  return d;
}

/**
 * The example: the method side with both of DeepRebirth's merges applied (the pool merged into
 * conv1: streamline; the three branches and their Concat into one conv: branch), and the first
 * `left` of them applied to the baseline side too, in that order (0: the network as trained).
 */
export function deepRebirthDesign(left: 0 | 1 | 2): Design {
  const trainedBoth = sideBySide(
    'DeepRebirth: before and after merging',
    { channels: 3, height: 32, width: 32 },
    trained(''),
    trained(REBIRTH_PREFIX),
  );
  return applied(applied(trainedBoth, merges(REBIRTH_PREFIX)), merges('').slice(0, left));
}

/**
 * Li et al. 2018 (DeepRebirth): the network as trained beside the same network with both merges
 * applied. Streamline: the 2×2/2 pool merged into conv1, whose stride becomes 2, so conv1's
 * multiply-adds drop 4× (16·3·9·16² instead of 16·3·9·32²). Branch: the three 1×1 branches and
 * their Concat become one 1×1 conv of width 32 (params and multiply-adds equal, memory access less).
 * The batch norms stay, so the Cost tab's deploy view still folds them.
 */
export const deepRebirthExample: ExampleDef = {
  name: 'deeprebirth_merge',
  method: 'DeepRebirth, merging non-weight layers into weight layers',
  surveyRef: 139,
  level: 'layer',
  shows:
    'a pool merged into the conv before it (stride 1 → 2, its multiply-adds ÷ 4) and three 1×1 branches with their Concat merged into one conv, beside the network as trained',
  build: () => deepRebirthDesign(0),
};
