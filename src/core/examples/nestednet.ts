import type { ExampleDef } from './example-types';
import { smallCnn } from './small-cnn';

/**
 * Kim et al. 2018 (NestedNet): the small CNN with three nested levels, widths 0.25, 0.5 and 1 of
 * every layer, each level's weights the first channels of the next: a cost row per level, and the
 * params stored once (the widest level's).
 */
export const nestedNetExample: ExampleDef = {
  name: 'nestednet_levels',
  method: 'NestedNet, nested sparse networks',
  surveyRef: 145,
  level: 'network',
  shows: 'levels 0.25 / 0.5 / 1 of a small CNN sharing one set of weights: a cost row per level',
  build: () => ({ ...smallCnn('NestedNet levels'), nested: { widths: [0.25, 0.5, 1] } }),
};
