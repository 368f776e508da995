import { heUniform } from '../onnx/init';
import type { Design } from '../design/design-types';
import type { ExampleDef } from './example-types';
import { smallCnn } from './small-cnn';

/**
 * Gordon et al. 2018 (MorphNet), the expanding phase: the small CNN as it is, for the uniform
 * width multiplier and "fit to budget" (the Cost tab's Scale, `cost --width`).
 */
export const morphNetExpandExample: ExampleDef = {
  name: 'morphnet_expand',
  method: 'MorphNet, uniform expansion',
  surveyRef: 144,
  level: 'network',
  shows: 'a small CNN to widen uniformly until it fills a multiply-add budget',
  build: () => smallCnn('MorphNet: expand'),
};

/**
 * The shrinking phase: the same CNN with weights whose conv1 batch norm has γ = β = 0 on 8 of its
 * 32 channels (what MorphNet's sparsifying regulariser leaves), so "shrink" proposes dropping them.
 */
export const morphNetShrinkExample: ExampleDef = {
  name: 'morphnet_shrink',
  method: 'MorphNet, shrinking by batch-norm γ',
  surveyRef: 144,
  level: 'network',
  shows: 'conv1 has 8 channels with γ = 0: shrink drops them (params and multiply-adds saved), then expand',
  build: (): Design => {
    const design = smallCnn('MorphNet: shrink');
    const gamma = Float32Array.from({ length: 32 }, (_, i) => (i % 4 === 3 ? 0 : 0.5 + (i % 5) / 10));
    const beta = Float32Array.from({ length: 32 }, (_, i) => (i % 4 === 3 ? 0 : 0.1));
    // Weights are keyed by node id.
    const id = (label: string): string => design.nodes.find((n) => n.label === label)?.id ?? label;
    return {
      ...design,
      weights: {
        source: 'MorphNet shrink example',
        layers: {
          [id('conv1')]: { weight: heUniform(144, 'conv1', 32 * 27, 27) },
          [id('conv1_bn')]: { weight: gamma, bias: beta },
        },
      },
    };
  },
};
