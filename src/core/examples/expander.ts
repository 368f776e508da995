import type { ExampleDef } from './example-types';
import { sideBySide } from './side-by-side';

/**
 * Prabhu et al. 2018 (deep expander networks): a 3×3 group conv with 8 groups over 64 channels
 * (each output reads 8 inputs) beside an expander conv with the same fan-in D = 8: equal params
 * Cout·D·k² and multiply-adds, but the expander's random 8-regular graph connects every output to
 * every input within a few stacked layers, which the group conv never does without a shuffle.
 */
export const expanderExample: ExampleDef = {
  name: 'expander_vs_group_conv',
  method: 'Deep expander networks (X-Conv)',
  surveyRef: 140,
  level: 'layer',
  shows: 'D = 8 over 64 channels: the same Cout·D·k² as group conv g = 8, with every input reachable',
  build: () =>
    sideBySide(
      'Expander conv vs group conv',
      { channels: 64, height: 32, width: 32 },
      (g, x) => g.add('Conv2d', { outChannels: 64, groups: 8 }, [x], 'group_conv'),
      (g, x) => g.add('ExpanderConv2d', { outChannels: 64, fanIn: 8, seed: 1 }, [x], 'expander'),
    ),
};
