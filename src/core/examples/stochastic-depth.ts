import { GraphBuilder } from '../design/builder';
import type { ExampleDef } from './example-types';

/**
 * Huang et al. 2016: six residual blocks (inverted residuals 32 → 32 at 16×16) with stochastic
 * depth, linear decay to p_L = 0.5: training runs Σ p_l = 4.25 of the 6 branches on average while
 * inference runs them all.
 */
export const stochasticDepthExample: ExampleDef = {
  name: 'stochastic_depth',
  method: 'Stochastic depth',
  surveyRef: 137,
  level: 'layer',
  shows:
    '6 residual blocks, p_L = 0.5: expected training multiply-adds Σ p_l·cost(f_l) + the rest beside inference',
  build: () => {
    const g = new GraphBuilder();
    let x = g.add('Input', { channels: 32, height: 16, width: 16 }, [], 'input');
    for (let i = 1; i <= 6; i++) x = g.add('InvertedResidual', { outChannels: 32 }, [x], `block${i}`);
    const f = g.add('Flatten', {}, [g.add('GlobalAvgPool', {}, [x], 'pool')], 'flatten');
    g.output(g.add('Linear', { outFeatures: 10 }, [f], 'fc'));
    return { ...g.design('Stochastic depth, 6 blocks'), stochasticDepth: { lastSurvival: 0.5 } };
  },
};
