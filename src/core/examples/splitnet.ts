import { splitTree } from '../methods/splitnet-method';
import type { ExampleDef } from './example-types';
import { smallCnn } from './small-cnn';

/**
 * The class-to-group assignment of the example, as data: CIFAR-10's classes (0 airplane,
 * 1 automobile, 2 bird, 3 cat, 4 deer, 5 dog, 6 frog, 7 horse, 8 ship, 9 truck) in a semantic
 * hierarchy, vehicles and animals at the first split, then {airplane, ship}, {automobile, truck},
 * {bird, deer, frog}, {cat, dog, horse} at the leaves. Leaves are in tree order: the first two
 * under the first group of the first split.
 */
export const SPLITNET_EXAMPLE_CLASSES = [
  [0, 8],
  [1, 9],
  [2, 4, 6],
  [3, 5, 7],
] as const;

/**
 * Kim et al. 2017 (SplitNet): the small CNN as a tree of two levels, 2 groups after conv1's ReLU
 * and each of them 2 again after conv2's ReLU (2 → 4, as the paper splits its lower layers less
 * than its upper ones): conv2 runs as 2 disjoint branches at half width, conv3 as 4 at a quarter,
 * and each leaf's linear layer scores only its own classes, merged back into class order.
 */
export const splitNetExample: ExampleDef = {
  name: 'splitnet_tree',
  method: 'SplitNet, splitting a network into disjoint groups',
  surveyRef: 143,
  level: 'network',
  shows:
    'a small CNN split as a tree, 2 groups after conv1 and 4 after conv2, with classes assigned to the leaves as data: its params and multiply-adds',
  build: () => {
    const base = smallCnn('Small CNN');
    const at = (label: string): string => base.nodes.find((n) => n.label === label)?.id ?? label;
    const r = splitTree(
      base,
      [
        { at: at('conv1_relu'), groups: 2 },
        { at: at('conv2_relu'), groups: 2 },
      ],
      SPLITNET_EXAMPLE_CLASSES,
    );
    if (!r.ok) throw new Error(r.error);
    return r.design;
  },
};
