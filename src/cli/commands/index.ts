import type { Command } from '../command';
import { costCommand } from './cost';
import { examplesCommand } from './examples';
import { exportCommand } from './export';
import { importCommand } from './import';
import { mergeCommand } from './merge';
import { shrinkCommand, widthsCommand } from './morph';
import { presetsCommand } from './presets';
import { splitCommand } from './split';
import { trainCommand } from './train';
import { validateCommand } from './validate';
import { weightsCommand } from './weights';

/** Every CLI command, in the order usage lists them. */
export const commands: readonly Command[] = [
  presetsCommand,
  examplesCommand,
  costCommand,
  validateCommand,
  exportCommand,
  importCommand,
  splitCommand,
  mergeCommand,
  widthsCommand,
  shrinkCommand,
  trainCommand,
  weightsCommand,
];
