import { splitNetwork } from '../methods/splitnet-method';
import type { ExampleDef } from './example-types';
import { smallCnn } from './small-cnn';

/**
 * Kim et al. 2017 (SplitNet): the small CNN split into 2 groups after conv1's ReLU: conv2 and
 * conv3 become two disjoint branches at half width and the classifier two linear layers over
 * 5 classes each, joined by a Concat: a tree on the canvas.
 */
export const splitNetExample: ExampleDef = {
  name: 'splitnet_tree',
  method: 'SplitNet, splitting a network into disjoint groups',
  surveyRef: 143,
  level: 'network',
  shows: 'a small CNN split into 2 branches after conv1: the tree, its params and multiply-adds',
  build: () => {
    const base = smallCnn('Small CNN');
    const at = base.nodes.find((n) => n.label === 'conv1_relu')?.id ?? '';
    const r = splitNetwork(base, at, 2);
    if (!r.ok) throw new Error(r.error);
    return r.design;
  },
};
