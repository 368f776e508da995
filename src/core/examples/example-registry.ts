import { basisFiltersExample } from './basis-filters-example';
import { depthwiseSeparableExample } from './depthwise-separable-example';
import { directConvExample } from './direct-conv';
import { directSparseExample } from './direct-sparse-conv';
import { fireExample } from './fire-example';
import { flgcExample } from './flgc-example';
import { igcExample } from './igc';
import { igcv2Example } from './igcv2-example';
import { invertedResidualExample } from './inverted-residual-example';
import { lcnnExample } from './lcnn';
import { shufflenetExample } from './shufflenet';
import { shufflenetV2Example } from './shufflenet-v2';
import { deepRebirthExample } from './deeprebirth';
import { deepRebirthInceptionExample } from './deeprebirth-inception';
import { expanderExample } from './expander';
import { lcclExample } from './lccl';
import { morphNetExpandExample, morphNetShrinkExample } from './morphnet';
import { nestedNetExample } from './nestednet';
import { shiftExample } from './shift-example';
import { sparseShiftExample } from './sparse-shift';
import { splitNetExample } from './splitnet';
import { stochasticDepthExample } from './stochastic-depth';
import type { ExampleDef } from './example-types';
import { versatileFiltersExample } from './versatile-filters';

/** Every worked example, in the survey's order (kernel, layer, network level). Examples add themselves here. */
export const examples: readonly ExampleDef[] = [
  fireExample,
  depthwiseSeparableExample,
  invertedResidualExample,
  shufflenetExample,
  shufflenetV2Example,
  igcExample,
  igcv2Example,
  flgcExample,
  directSparseExample,
  directConvExample,
  basisFiltersExample,
  lcnnExample,
  versatileFiltersExample,
  stochasticDepthExample,
  lcclExample,
  deepRebirthExample,
  deepRebirthInceptionExample,
  expanderExample,
  shiftExample,
  sparseShiftExample,
  splitNetExample,
  morphNetShrinkExample,
  morphNetExpandExample,
  nestedNetExample,
];

export function findExample(name: string): ExampleDef | undefined {
  return examples.find((e) => e.name === name);
}
