import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { coreBlocks, coreOps } from './core-text';
import { coreCitations, coreExamples, corePresets } from './core-examples';
import { diagnostics as enDiagnostics } from './en/core';
import { messageTemplates } from '../core/message';
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
import { z } from 'zod';

export { languages, type Language } from './types';

const enOps = coreOps();
const enBlocks = coreBlocks();

/**
 * The core's own text (op and block titles, descriptions, field labels and help, keyed by kind and field
 * name; diagnostic codes' meanings; examples, presets and citations; the sentences the core composes, by
 * message key), in English as the core writes it; Chinese is in zh-resources.ts.
 */
const core = {
  ops: enOps,
  blocks: enBlocks,
  diagnostics: enDiagnostics,
  examples: coreExamples(),
  presets: corePresets(),
  citations: coreCitations(),
  messages: messageTemplates,
};

/**
 * English, every namespace but the lessons', in the first chunk. The other languages load when chosen
 * (zh-resources.ts, through i18next-resources-to-backend), so the first paint carries one language;
 * the lessons' text (each lesson file holds both languages) loads when the Learn tab first shows it.
 */
export const resources = {
  en: {
    shell: enShell,
    learn: enLearn,
    compare: enCompare,
    core,
    cost: enCost,
    inspector: enInspector,
    run: enRun,
    train: enTrain,
    palette: enPalette,
    canvas: enCanvas,
    app: enApp,
    store: enStore,
    // A formula line is its own English text: t() gives the key back.
    formula: {},
    actions: enActions,
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

/** Namespaces no language carries in the first chunk: each loads from its own chunk when first used. */
const LESSON_NAMESPACE = 'lesson';

/** A language other than English, one namespace at a time, and English's lessons, from their own chunks. */
const onDemand = resourcesToBackend(async (lang: string, ns: string) => {
  if (lang === 'en' && ns === LESSON_NAMESPACE) return (await import('./lesson-texts')).lessonTexts('en');
  if (lang !== 'zh') return undefined;
  const { zhResources } = await import('./zh-resources');
  return zhResources[ns as keyof typeof zhResources];
});

/** Settles once the first language's text is there (English at once; Chinese after its chunk). */
export const i18nReady: Promise<unknown> = i18next
  .use(onDemand)
  .use(initReactI18next)
  .init({
    resources,
    partialBundledLanguages: true,
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

/** Switches the UI's language (once its text has loaded) and remembers it. */
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
