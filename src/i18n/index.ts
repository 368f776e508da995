import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { lessons } from '../core/lessons/lesson-registry';
import type { LessonText } from '../core/lessons/lesson-types';
import { coreBlocks, coreOps, translateKinds } from './core-text';
import { coreCitations, coreExamples, corePresets } from './core-examples';
import { diagnostics as enDiagnostics } from './en/core';
import { messageTemplates } from '../core/message';
import { messages as zhMessages } from './zh/messages';
import { formulas as zhFormulas } from './zh/formulas';
import { cost as enCost } from './en/cost';
import { inspector as enInspector } from './en/inspector';
import { run as enRun } from './en/run';
import { train as enTrain } from './en/train';
import { palette as enPalette } from './en/palette';
import { canvas as enCanvas } from './en/canvas';
import { app as enApp } from './en/app';
import { actions as enActions } from './en/actions';
import { compare as enCompare } from './en/compare';
import { learn as enLearn } from './en/learn';
import { shell as enShell } from './en/shell';
import { store as enStore } from './en/store';
import { languages, type Language } from './types';
import { compare as zhCompare } from './zh/compare';
import { cost as zhCost } from './zh/cost';
import { inspector as zhInspector } from './zh/inspector';
import { run as zhRun } from './zh/run';
import { train as zhTrain } from './zh/train';
import { palette as zhPalette } from './zh/palette';
import { canvas as zhCanvas } from './zh/canvas';
import { app as zhApp } from './zh/app';
import { actions as zhActions } from './zh/actions';
import * as zhCore from './zh/core';
import * as zhCoreExamples from './zh/core-examples';
import { learn as zhLearn } from './zh/learn';
import { shell as zhShell } from './zh/shell';
import { store as zhStore } from './zh/store';
import { z } from 'zod';

export { languages, type Language } from './types';

/** Each lesson's text, in one language, as the `lesson` namespace: lesson id → its fields. */
const lessonTexts = (lang: Language): Record<string, LessonText> =>
  Object.fromEntries(lessons.map((l) => [l.id, l.text[lang]]));

const enOps = coreOps();
const enBlocks = coreBlocks();

/**
 * The core's own text (op and block titles, descriptions, field labels and help, keyed by kind and field
 * name; diagnostic codes' meanings; examples, presets and citations; the sentences the core composes, by
 * message key): English as the core writes it, Chinese from the dictionaries.
 */
const core = {
  en: {
    ops: enOps,
    blocks: enBlocks,
    diagnostics: enDiagnostics,
    examples: coreExamples(),
    presets: corePresets(),
    citations: coreCitations(),
    messages: messageTemplates,
  },
  zh: {
    ops: translateKinds(enOps, zhCore),
    blocks: translateKinds(enBlocks, zhCore),
    diagnostics: zhCore.diagnostics,
    examples: zhCoreExamples.examples,
    presets: zhCoreExamples.presets,
    citations: zhCoreExamples.citations,
    messages: zhMessages,
  },
};

/**
 * The words inside formulas, keyed by the formula line as the core writes it: English is the key itself;
 * a flat namespace, read with the key and namespace separators off (a formula holds '.' and ':').
 */
const formula = { en: Object.fromEntries(Object.keys(zhFormulas).map((k) => [k, k])), zh: zhFormulas };

/** Every namespace of every language: what the key-parity test walks. */
export const resources = {
  en: {
    shell: enShell,
    learn: enLearn,
    compare: enCompare,
    lesson: lessonTexts('en'),
    core: core.en,
    cost: enCost,
    inspector: enInspector,
    run: enRun,
    train: enTrain,
    palette: enPalette,
    canvas: enCanvas,
    app: enApp,
    store: enStore,
    formula: formula.en,
    actions: enActions,
  },
  zh: {
    shell: zhShell,
    learn: zhLearn,
    compare: zhCompare,
    lesson: lessonTexts('zh'),
    core: core.zh,
    cost: zhCost,
    inspector: zhInspector,
    run: zhRun,
    train: zhTrain,
    palette: zhPalette,
    canvas: zhCanvas,
    app: zhApp,
    store: zhStore,
    formula: formula.zh,
    actions: zhActions,
  },
} as const;

const STORAGE_KEY = 'compact-studio/language';

const isLanguage = (v: unknown): v is Language => languages.includes(v as Language);

/** The saved choice, else the browser's first language we speak, else English. */
export function initialLanguage(saved: string | null, browser: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function readSaved(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(readSaved(), typeof navigator === 'undefined' ? [] : navigator.languages),
  fallbackLng: 'en',
  ns: Object.keys(resources.en),
  defaultNS: 'shell',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

const applyLang = (lang: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  // Zod's own messages for a value a schema refuses ("Too big: expected number to be <=64").
  z.config(lang === 'zh' ? z.locales.zhCN() : z.locales.en());
};
applyLang(i18next.language);
i18next.on('languageChanged', applyLang);

/** Switches the UI's language and remembers it. */
export function setLanguage(lang: Language): void {
  void i18next.changeLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // A blocked storage only loses the choice at the next visit.
  }
}

export const currentLanguage = (): Language => (isLanguage(i18next.language) ? i18next.language : 'en');

export { i18next };
