import { formatCount } from './figures';
import type { Language } from './types';

const locales: Readonly<Record<Language, string>> = { en: 'en-US', zh: 'zh-CN' };

/** A count the way the locale writes it compactly: 462M, 52.3M in English; 4.62亿, 5230万 in Chinese. */
export function formatCompact(n: number, lang: Language): string {
  return new Intl.NumberFormat(locales[lang], { notation: 'compact', maximumSignificantDigits: 3 }).format(n);
}

/** The exact integer with the locale's grouping. */
export function formatExact(n: number, lang: Language): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 0 }).format(n);
}

/** A ratio to four decimals, as the formulas print it. */
export function formatRatio(n: number, lang: Language): string {
  return new Intl.NumberFormat(locales[lang], { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(
    n,
  );
}

/** Totals as the status bar writes them: the papers' 300.8M style in English, Intl's compact form elsewhere. */
export function formatTotal(n: number, lang: Language): string {
  return lang === 'en' ? formatCount(n) : formatCompact(n, lang);
}
