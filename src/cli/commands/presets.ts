import { presets } from '../../core/presets/preset-registry';
import type { Command } from '../command';

export const presetsCommand: Command = {
  name: 'presets',
  usage: 'presets                                   one preset name a line',
  run(_args, io) {
    io.out(presets.map((p) => p.name).join('\n'));
  },
};
