import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18next } from '.';
import { kindTitle } from './core-text';
import { fillText } from './text-template';

describe('text templates give what i18next gives', () => {
  beforeAll(async () => {
    await i18next.loadLanguages('zh');
  });
  afterAll(async () => {
    await i18next.changeLanguage('en');
  });

  const values = [
    { from: 'conv1', to: 'bn1', shape: '1×32×112×112' },
    // Values that look like i18next's own syntax, or a replacement pattern, stay as they are.
    { from: '{{to}}', to: '$1 $& $$', shape: '\u0000x' },
    { from: '', to: 'a'.repeat(300), shape: '' },
  ];

  for (const lng of ['en', 'zh'] as const)
    it(`in ${lng}: each wire's label, with and without a shape, and a kind's title`, async () => {
      await i18next.changeLanguage(lng);
      for (const v of values) {
        const ends = { from: v.from, to: v.to };
        expect(fillText('canvas:edge', ends)).toBe(i18next.t('canvas:edge', ends));
        expect(fillText('canvas:edgeShape', v)).toBe(i18next.t('canvas:edgeShape', v));
      }
      expect(kindTitle('Conv2d')).toBe(i18next.t('core:ops.Conv2d.title'));
      expect(kindTitle('NotAKind')).toBe('NotAKind');
    });

  it('follows a change of language, and a language asked for by name', async () => {
    await i18next.changeLanguage('en');
    const en = fillText('canvas:edge', { from: 'a', to: 'b' });
    await i18next.changeLanguage('zh');
    const zh = fillText('canvas:edge', { from: 'a', to: 'b' });
    expect(zh).not.toBe(en);
    expect(zh).toBe(i18next.t('canvas:edge', { from: 'a', to: 'b' }));
    expect(fillText('canvas:edge', { from: 'a', to: 'b' }, { lng: 'en' })).toBe(en);
    expect(kindTitle('Conv2d', 'en')).toBe(i18next.t('core:ops.Conv2d.title', { lng: 'en' }));
  });

  it('forgets a template when the sentences of a language arrive', async () => {
    await i18next.changeLanguage('en');
    i18next.addResource('en', 'canvas', 'templateProbe', 'before {{x}}');
    expect(fillText('canvas:templateProbe', { x: '1' })).toBe('before 1');
    i18next.addResource('en', 'canvas', 'templateProbe', 'after {{x}}');
    expect(fillText('canvas:templateProbe', { x: '1' })).toBe('after 1');
  });
});
