import i18next from 'i18next';
import { languages, type Language } from './types';

/**
 * Every figure the UI writes, in one place and in the reader's language: counts as papers write them
 * (300.8M, 3.50M, 143.4K in English; 3.01亿, 350万, 5228万 in Chinese: one style a screen), exact
 * integers, shares, changes, sizes, times, accuracies, and counts read back as people type them.
 * Each function takes the language, defaulting to the one the UI speaks now.
 */

const locales: Readonly<Record<Language, string>> = { en: 'en-US', zh: 'zh-CN' };

/** The language the UI speaks now (the default instance's, set up in ./index). */
const now = (): Language => {
  const l = i18next.language;
  return (languages as readonly string[]).includes(l) ? (l as Language) : 'en';
};

/** The scales a language counts in, largest first. */
const scales: Readonly<Record<Language, readonly (readonly [number, string])[]>> = {
  en: [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'K'],
  ],
  zh: [
    [1e8, '亿'],
    [1e4, '万'],
  ],
};

/**
 * A count the short way: two decimals below ten of a unit, one above, none past a thousand 万 (English
 * keeps the papers' trailing zero, "3.50M"; Chinese drops it, "350万"). Below the smallest unit the
 * exact integer.
 */
export function formatCount(n: number, lang: Language = now()): string {
  if (!Number.isFinite(n)) return String(n);
  const list = scales[lang];
  const abs = Math.abs(n);
  for (let i = list.length - 1; i >= 0; i--) {
    const [scale, unit] = list[i] ?? [1, ''];
    const bigger = list[i - 1];
    if (abs < scale) break;
    if (bigger !== undefined && abs >= bigger[0]) continue;
    const v = n / scale;
    const a = Math.abs(v);
    // At most four significant digits in Chinese, whose units are ten thousand apart (5228万).
    let text = v.toFixed(a < 10 ? 2 : lang === 'zh' && a >= 1000 ? 0 : 1);
    // Rounding up to the next unit (999,960 is 1.00M, not 1000.0K).
    if (bigger !== undefined && Math.abs(Number(text)) * scale >= bigger[0])
      return formatCount(Math.sign(n) * bigger[0], lang);
    if (lang === 'zh') text = String(Number(text));
    return `${text}${unit}`;
  }
  return String(Math.round(n));
}

/** The exact integer with the locale's grouping: 1,234,567. */
export function formatExact(n: number, lang: Language = now()): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 0 }).format(n);
}

/** A ratio to four decimals, as the formulas print it; a whole number without them (4, not 4.0000). */
export function formatRatio(n: number, lang: Language = now()): string {
  if (Number.isInteger(n)) return formatExact(n, lang);
  return new Intl.NumberFormat(locales[lang], {
    minimumFractionDigits: 4,
    maximumFractionDigits: 4,
    useGrouping: false,
  }).format(n);
}

/** A tensor value: four decimals, exponent form when tiny or huge, a whole number as itself. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e5) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(3) : v.toFixed(4);
}

/** A signed change as a count: "+12.3M" ("+1235万"), "−850", "±0". */
export function formatDelta(delta: number, lang: Language = now()): string {
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : '−'}${formatCount(Math.abs(delta), lang)}`;
}

/** The exact signed integer for hovers: "+1,234,567". */
export function formatExactDelta(delta: number, lang: Language = now()): string {
  return `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${formatExact(Math.abs(delta), lang)}`;
}

/**
 * The change as a share of the value before: "+4.1%", "−0.02%"; undefined when there was nothing
 * before (the caller says "new" in its language).
 */
export function formatPercentChange(before: number, after: number): string | undefined {
  if (before === after) return '0%';
  if (before === 0) return undefined;
  const p = (100 * (after - before)) / Math.abs(before);
  const abs = Math.abs(p);
  const text = abs.toFixed(abs >= 10 ? 0 : abs >= 1 ? 1 : 2);
  // A real change never reads as zero.
  const shown = Number(text) === 0 ? '<0.01' : text;
  return `${p > 0 ? '+' : '−'}${shown}%`;
}

/** A share of a whole, 0–1, as a percentage: "23.4%", "0.05%", "<0.01%". */
export function formatShare(share: number): string {
  const p = share * 100;
  if (p === 0) return '0%';
  if (p < 0.01) return '<0.01%';
  return `${p.toFixed(p >= 1 ? 1 : 2)}%`;
}

/** An accuracy (0–1) as the panels show it: "89.4%". */
export const formatAccuracy = (top1: number): string => `${(top1 * 100).toFixed(1)}%`;

/** Epochs, whole when they are: "3", "2.4". */
export const formatEpochs = (epochs: number): string =>
  Number.isInteger(epochs) ? String(epochs) : epochs.toFixed(1);

/** Bytes in binary units, as papers print model size: "13.37 MiB", "512.0 KiB", "12 B". */
export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(2)} MiB`;
  if (bytes >= 2 ** 10) return `${(bytes / 2 ** 10).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** Memory in MB to one decimal (a browser's heap, a tensor's bytes): "5.1 MB". */
export const formatMB = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;

/** Milliseconds as people read them: 0.042 ms, 3.14 ms, 31.4 ms, 314 ms. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 0.1) return `${ms.toFixed(3)} ms`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

/**
 * Reads a count as people type it, in either language: "300M", "3.5m", "1,200,000", "2e6", "450k",
 * "1.2G", "3亿", "350万", "1.2 万".
 */
export function parseCount(text: string): number | undefined {
  const t = text.trim().replace(/[,，_\s]/g, '');
  if (t === '') return undefined;
  const m = /^(\d+(?:\.\d*)?|\.\d+)(?:e(\d+))?([kmgb万亿])?$/i.exec(t);
  if (m === null) return undefined;
  const scale: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9, b: 1e9, 万: 1e4, 亿: 1e8 };
  const unit = m[3]?.toLowerCase();
  const v = Number(m[1]) * 10 ** Number(m[2] ?? 0) * (unit === undefined ? 1 : (scale[unit] ?? 1));
  return Number.isFinite(v) && v > 0 ? Math.round(v) : undefined;
}
