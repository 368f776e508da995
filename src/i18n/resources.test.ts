import { describe, expect, it } from 'vitest';
import { i18next, initialLanguage, resources as firstChunk } from './index';
import { lessonTexts } from './lesson-texts';
import { zhResources } from './zh-resources';
import { formatCount, formatExact } from './numbers';

/** Every leaf key path of a resource tree: "menu.file", "levels.kernel". */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

// English's lessons load on demand (their own chunk); they are held to the same rules as the rest.
const resources = { en: { ...firstChunk.en, lesson: lessonTexts('en') } };

describe('the first chunk', () => {
  it("carries no lesson text: English's lessons load when the Learn tab first asks for them", async () => {
    expect(Object.keys(firstChunk.en)).not.toContain('lesson');
    expect(i18next.hasLoadedNamespace('lesson', { lng: 'en' })).toBe(false);
    await i18next.loadNamespaces('lesson');
    const [first] = Object.keys(resources.en.lesson);
    expect(first).toBeDefined();
    expect(i18next.exists(`lesson:${first ?? ''}.title`, { lng: 'en' })).toBe(true);
  });
});

describe('the two languages', () => {
  it('has the same namespaces in both', () => {
    expect(Object.keys(zhResources).sort()).toEqual(Object.keys(resources.en).sort());
  });
  // The formulas' namespace is Chinese only: an English formula line is its own text.
  const shared = Object.keys(resources.en).filter((ns) => ns !== 'formula');
  it.each(shared)('namespace %s has the same keys in English and Chinese', (ns) => {
    const en = keys(resources.en[ns as keyof typeof resources.en]).sort();
    const zh = keys(zhResources[ns as keyof typeof zhResources]).sort();
    expect(
      zh.filter((k) => !en.includes(k)),
      'only in Chinese',
    ).toEqual([]);
    expect(
      en.filter((k) => !zh.includes(k)),
      'only in English',
    ).toEqual([]);
  });
  it('no string is empty, and the Chinese ones are not English copies', () => {
    for (const [ns, tree] of Object.entries(zhResources)) {
      const en: object = ns === 'formula' ? {} : resources.en[ns as keyof typeof resources.en];
      for (const k of keys(tree)) {
        // A flat namespace (the formulas') is keyed by whole lines that hold dots.
        const get = (t: object) =>
          (t as Record<string, unknown>)[k] ??
          k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], t);
        const zh = get(tree) as string;
        expect(zh.trim(), `${ns}:${k}`).not.toBe('');
        // Names and symbols may be the same in both; sentences may not.
        const english = ns === 'formula' ? k : (get(en) as string);
        if (english.split(' ').length > 3) expect(zh, `${ns}:${k}`).not.toBe(english);
      }
    }
  });
  it('follows a saved choice, else the browser, else English', () => {
    expect(initialLanguage('zh', ['en-US'])).toBe('zh');
    expect(initialLanguage(null, ['zh-CN', 'en'])).toBe('zh');
    expect(initialLanguage('fr', ['de-DE', 'en-GB'])).toBe('en');
    expect(initialLanguage(null, [])).toBe('en');
  });
  it('formats numbers for the locale', () => {
    expect(formatCount(462e6, 'en')).toBe('462.0M');
    expect(formatCount(462e6, 'zh')).toBe('4.62亿');
    expect(formatExact(11920, 'en')).toBe('11,920');
  });
});
