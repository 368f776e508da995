import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../core/analysis/analyze';
import { lessonFor, type Lesson } from '../core/analysis/teaching';
import { sourceText } from '../core/analysis/teaching/lesson';
import { examples } from '../core/examples/example-registry';
import { GraphBuilder } from '../core/design/builder';
import { english, messageTemplates, type Message } from '../core/message';
import { presets } from '../core/presets/preset-registry';
import { i18next } from './index';
import { sayCitation, sayMessage, sayReference } from './say';

const han = /\p{Script=Han}/u;
/** Two English words in a row: prose that bypassed the translation (names and notation have no such run). */
const englishProse = /\b[A-Za-z]{3,} [A-Za-z]{3,}\b/;

afterEach(async () => {
  await i18next.changeLanguage('en');
});

/** No preset or example has a separable low-rank block: one built here. */
const lowRank = {
  name: 'low_rank',
  build: () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 64, height: 32, width: 32 }, []);
    g.output(g.add('LowRankConv', { outChannels: 64, kernel: 3, rank: 16 }, [x], 'lr'));
    return g.design('low_rank');
  },
};

/**
 * Every lesson the Cost panel teaches on a preset or a worked example (and the low-rank block): each node,
 * and each primitive layer.
 */
const lessons: [string, Lesson][] = [...presets, ...examples, lowRank].flatMap((d) => {
  const a = analyze(d.build());
  const ids = [...a.design.nodes.map((n) => n.id), ...a.layers.map((l) => l.id)];
  return [...new Set(ids)].flatMap((id) => {
    const lesson = lessonFor(a, id);
    return lesson === undefined ? [] : [[`${d.name} ${id}`, lesson] as [string, Lesson]];
  });
});

/** One of each: the same title, source and line labels teach the same words. */
const distinct = [
  ...new Map(
    lessons.map(([where, l]) => [
      JSON.stringify([l.title, l.source, l.lines.map((x) => x.label), l.note]),
      [where, l] as const,
    ]),
  ).values(),
];

const words = (l: Lesson): Message[] => [
  l.title,
  ...l.lines.map((x) => x.label),
  ...(l.note === undefined ? [] : [l.note]),
];

describe('the Cost panel’s lessons in two languages', () => {
  it('the presets and examples reach every kind of lesson', () => {
    const titles = new Set(lessons.map(([, l]) => l.title.key));
    const all = Object.keys(messageTemplates).filter((k) => /^teach\w+Title$/.test(k));
    expect(all.length).toBe(8);
    expect([...titles].sort()).toEqual(all.sort());
  });

  it.each(distinct)('%s: title, labels, note and source prose in Chinese', async (_, lesson) => {
    await i18next.changeLanguage('zh');
    for (const m of words(lesson)) {
      const text = sayMessage(m);
      expect(text, m.key).toMatch(han);
      expect(text, text).not.toMatch(englishProse);
    }
    // The reference is cited as written; the prose around it is Chinese.
    const cited = sayCitation(lesson.source);
    expect(cited).toContain(sayReference(lesson.source.ref, 'zh'));
    const prose = cited.replace(sayReference(lesson.source.ref, 'zh'), ' ');
    if (lesson.source.before !== undefined || lesson.source.after !== undefined) expect(prose).toMatch(han);
    expect(prose, cited).not.toMatch(englishProse);
  });

  it.each(distinct)('%s: in English as the core writes it', async (_, lesson) => {
    await i18next.changeLanguage('en');
    for (const m of words(lesson)) expect(sayMessage(m)).toBe(english(m));
    expect(sayCitation(lesson.source)).toBe(sourceText(lesson.source));
  });

  it('MobileNet’s lessons read as before, in English and in Chinese', async () => {
    const mobilenet = (name: string) => lessons.find(([w]) => w.startsWith(`${name} `))?.[1];
    const v1 = mobilenet('mobilenet_v1');
    const v2 = lessons.find(
      ([w, l]) =>
        w.startsWith('mobilenet_v2 ') && l.title.key === 'teachInvertedTitle' && l.lines.length === 4,
    )?.[1];
    if (v1 === undefined || v2 === undefined) throw new Error('no MobileNet lesson');
    expect(english(v1.title)).toBe('Depthwise-separable against standard convolution');
    expect(sourceText(v1.source)).toBe('Howard et al. 2017, MobileNets, section 3.1');
    // conv_ds_1: 1/64 + 1/3² = 0.1267, about 7.9× fewer.
    expect(v1.note === undefined ? '' : english(v1.note)).toBe(
      'About 7.9× fewer multiply-adds than a standard 3×3 conv.',
    );
    expect(sourceText(v2.source)).toBe(
      'Sandler et al. 2018, MobileNetV2, Table 1: h·w·d′·t·(d′ + k² + d″) at stride 1',
    );
    expect(english(v2.lines[3]?.label ?? v2.title)).toBe('Standard 3×3 conv d′→d″');
    await i18next.changeLanguage('zh');
    expect(sayMessage(v1.title)).toBe('深度可分离卷积与标准卷积对比');
    expect(v1.note === undefined ? '' : sayMessage(v1.note)).toBe('乘加数约为标准 3×3 卷积的 1/7.9。');
    expect(sayCitation(v2.source)).toBe(
      'Sandler et al. 2018, MobileNetV2, 表 1：步长为 1 时为 h·w·d′·t·(d′ + k² + d″)',
    );
    expect(v2.lines.map((x) => sayMessage(x.label))).toEqual([
      '扩展 1×1',
      '深度卷积',
      '投影 1×1',
      '标准 3×3 卷积 d′→d″',
    ]);
  });
});
