import type { Command } from '../command';
import { costCommand } from './cost';
import { examplesCommand } from './examples';
import { exportCommand } from './export';
import { importCommand } from './import';
import { presetsCommand } from './presets';
import { validateCommand } from './validate';

/** Every CLI command, in the order usage lists them. */
export const commands: readonly Command[] = [
  presetsCommand,
  examplesCommand,
  costCommand,
  validateCommand,
  exportCommand,
  importCommand,
];
