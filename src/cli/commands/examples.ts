import { examples } from '../../core/examples/example-registry';
import type { Command } from '../command';

/** "fire_vs_conv3x3<TAB>SqueezeNet Fire [124]: a Fire module beside the 3×3 conv it replaces". */
export const examplesCommand: Command = {
  name: 'examples',
  usage:
    'examples                                  one worked example a line: NAME, a tab, the method [ref]: what it shows',
  run(_args, io) {
    io.out(examples.map((e) => `${e.name}\t${e.method} [${e.surveyRef}]: ${e.shows}`).join('\n'));
  },
};
