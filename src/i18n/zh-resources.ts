import { coreBlocks, coreOps, translateKinds } from './core-text';
import { lessonTexts } from './lesson-texts';
import { actions } from './zh/actions';
import { app } from './zh/app';
import { canvas } from './zh/canvas';
import { compare } from './zh/compare';
import * as zhCore from './zh/core';
import * as zhCoreExamples from './zh/core-examples';
import { cost } from './zh/cost';
import { formulas } from './zh/formulas';
import { inspector } from './zh/inspector';
import { learn } from './zh/learn';
import { messages } from './zh/messages';
import { palette } from './zh/palette';
import { run } from './zh/run';
import { shell } from './zh/shell';
import { store } from './zh/store';
import { train } from './zh/train';

/**
 * Chinese, every namespace: its own chunk, loaded when the language is chosen (index.ts). The core's
 * text comes from the dictionaries over the core's English; `formula` maps each formula line as the
 * core writes it to its Chinese words (English needs no table: the line is its own text).
 */
export const zhResources = {
  shell,
  learn,
  compare,
  lesson: lessonTexts('zh'),
  core: {
    ops: translateKinds(coreOps(), zhCore),
    blocks: translateKinds(coreBlocks(), zhCore),
    diagnostics: zhCore.diagnostics,
    examples: zhCoreExamples.examples,
    presets: zhCoreExamples.presets,
    citations: zhCoreExamples.citations,
    messages,
  },
  cost,
  inspector,
  run,
  train,
  palette,
  canvas,
  app,
  store,
  formula: formulas,
  actions,
};
