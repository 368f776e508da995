import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../core/analysis/analyze';
import { guidelineHints } from '../core/analysis/hints';
import { connect } from '../core/design/edit';
import { GraphBuilder } from '../core/design/builder';
import {
  english,
  messageTemplates,
  placeholdersOf,
  type MessageKey,
  type MessageSayer,
} from '../core/message';
import { blockKinds, blockRegistry } from '../core/blocks/block-registry';
import { opKinds, opRegistry } from '../core/ops/op-registry';
import { diagnosticText, kindTitle } from './core-text';
import { presets } from '../core/presets/preset-registry';
import { i18next } from './index';
import { zhResources } from './zh-resources';
import { say, sayCitation, sayReference, sayFirst, sayMessage, sayRefusal } from './say';
import { splitNetwork } from '../core/methods/splitnet-method';
import { shrinkProposal } from '../core/methods/morphnet-method';
import { lessonLive } from '../core/lessons/live';
import { lessons } from '../core/lessons/lesson-registry';

const keys = Object.keys(messageTemplates) as MessageKey[];
const zh = zhResources.core.messages as Readonly<Record<MessageKey, string>>;
const han = /\p{Script=Han}/u;
/** Two English words in a row: prose that bypassed the translation (names and layer paths have no spaces). */
const englishProse = /\b[A-Za-z]{3,} [A-Za-z]{3,}\b/;

afterEach(async () => {
  await i18next.changeLanguage('en');
});

describe('the core’s sentences in two languages', () => {
  it.each(keys)('%s names the same values in Chinese, and is Chinese', (key) => {
    expect(placeholdersOf(zh[key]), key).toEqual(placeholdersOf(messageTemplates[key]));
    // "label: sentence", "field: problem" and zod's own words are punctuation around values.
    if (!['inside', 'invalidSetting', 'issueOther'].includes(key)) expect(zh[key], key).toMatch(han);
  });

  it.each(keys)('%s reads the same through i18next in English as the core fills it', async (key) => {
    await i18next.changeLanguage('en');
    const params = Object.fromEntries(placeholdersOf(messageTemplates[key]).map((p, i) => [p, 12345 + i]));
    expect(i18next.t(`core:messages.${key}`, params)).toBe(english({ key, params }));
  });
});

/** Broken designs a student makes, each with the sentence it must get in Chinese (written here, by hand). */
function conv(cin: number, conv: Record<string, unknown>) {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: cin, height: 8, width: 8 }, []);
  g.output(g.add('Conv2d', conv, [x], 'conv'));
  return analyze(g.design('broken'));
}

describe('a design’s problems in Chinese', () => {
  it('says which groups do not divide which channels, with the figures', async () => {
    const a = conv(32, { outChannels: 48, groups: 3 });
    const d = a.diagnostics.find((x) => x.code === 'CS004');
    expect(d?.message).toBe('groups = 3 does not divide the 32 input channels.');
    await i18next.changeLanguage('zh');
    expect(d === undefined ? '' : diagnosticText(d)).toBe('分组数 3 不能整除 32 个输入通道。');
  });

  it('says a kernel does not fit, with the sizes', async () => {
    const a = conv(4, { outChannels: 4, kernel: [11, 11], padding: [0, 0] });
    const d = a.diagnostics.find((x) => x.code === 'CS005');
    await i18next.changeLanguage('zh');
    expect(d === undefined ? '' : diagnosticText(d)).toBe(
      '11×11 卷积核放不进填充为 0×0 的 8×8 输入：输出将为空。',
    );
  });

  it('says a problem inside a block with the primitive’s name first', async () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 23, height: 8, width: 8 }, []);
    g.output(g.add('ShuffleUnitV1', { outChannels: 48, groups: 3, stride: 2 }, [x], 'unit'));
    const d = analyze(g.design('unit')).diagnostics.find((x) => x.severity === 'error');
    expect(d?.text).toBeDefined();
    await i18next.changeLanguage('zh');
    const text = d === undefined ? '' : diagnosticText(d);
    expect(text).toMatch(han);
    expect(text).not.toMatch(englishProse);
  });

  it('refuses a cycle in Chinese', async () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 4, height: 8, width: 8 }, []);
    const a = g.add('ReLU', {}, [x], 'a');
    const b = g.add('ReLU', {}, [a], 'b');
    g.output(b);
    const r = connect(g.design('loop'), { node: b.node, port: 0 }, { node: a.node, port: 0 });
    expect(r.ok).toBe(false);
    await i18next.changeLanguage('zh');
    expect(r.ok ? '' : sayFirst(r.problems)).toBe('a 已经是 b 的上游：这条连线会形成环路。');
  });

  it('says an empty design lacks its Input and Output', async () => {
    const a = analyze({ ...new GraphBuilder().design('empty') });
    await i18next.changeLanguage('zh');
    expect(a.diagnostics.map(diagnosticText)).toEqual([
      '设计中没有输入节点：请从组件面板添加一个。',
      '设计中没有输出节点：请用一个输出节点标记结果。',
    ]);
  });
});

describe('network-level methods refusing a design, in Chinese', () => {
  const small = (groups = 1) => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 3, height: 8, width: 8 }, []);
    const c1 = g.add('Conv2d', { outChannels: 6 }, [x], 'conv1');
    const c2 = g.add('Conv2d', { outChannels: 8, groups }, [c1], 'conv2');
    g.output(c2);
    return g.design('small');
  };
  it('SplitNet: channels that do not split', async () => {
    const d = small();
    const r = splitNetwork(d, d.nodes.find((n) => n.label === 'conv1')?.id ?? '', 4);
    expect(r.ok ? '' : r.error).toBe('conv1 writes 6 channels, which do not split into 4 equal groups.');
    await i18next.changeLanguage('zh');
    expect(r.ok ? '' : sayRefusal(r)).toBe('conv1 输出 6 个通道，不能均分为 4 组。');
  });
  it('SplitNet: a broken design, its problem said in Chinese too', async () => {
    const d = small();
    const broken = small(4);
    const r = splitNetwork(broken, d.nodes.find((n) => n.label === 'conv1')?.id ?? '', 2);
    expect(r.ok ? '' : r.error).toBe(
      'Fix the design first: groups = 4 does not divide the 6 input channels.',
    );
    await i18next.changeLanguage('zh');
    expect(r.ok ? '' : sayRefusal(r)).toBe('请先修正设计：分组数 4 不能整除 6 个输入通道。');
  });
  it('MorphNet: shrinking without weights', async () => {
    const p = shrinkProposal(small(), 0.01);
    await i18next.changeLanguage('zh');
    expect('error' in p ? sayRefusal(p) : '').toBe('收缩要读取批归一化的 γ：该设计没有训练好的权重。');
  });
});

describe('the guideline hints in Chinese', () => {
  it.each(presets.map((p) => [p.name, p] as const))('%s: every hint is Chinese prose', async (_, preset) => {
    const hints = guidelineHints(analyze(preset.build()));
    expect(hints.length).toBeGreaterThan(0);
    await i18next.changeLanguage('zh');
    for (const h of hints) {
      const text = say(h);
      expect(text, h.message).toMatch(han);
      expect(text, text).not.toMatch(englishProse);
    }
  });
});

/** The analysis and the edits write every sentence through the catalogue: no English literal is passed on. */
describe('no sentence bypasses the catalogue', () => {
  const root = join(__dirname, '..', 'core');
  // An imported file's and a document's problems quote the file itself; limits name their own figures.
  const exempt = /[/\\](onnx|document|torch)[/\\]|limits\.ts$/;
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !exempt.test(path)) files.push(path);
    }
  };
  walk(root);
  it.each(files.map((f) => [f.slice(root.length + 1), f]))('%s', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const literal =
      /\b(?:fail|diagnostic|problem)\(\s*'[a-zA-Z]+',\s*['`"][^\n]*|\b(?:message|error|kept|tied):\s*(?:\n\s*)?[`'"][A-Za-z$][^\n]*/g;
    // Over-limit sentences (hostile input: sizes past the app's limits) name the limit in English.
    const found = Array.from(text.matchAll(literal))
      .filter((m) => !text.slice(Math.max(0, m.index - 60), m.index + m[0].length).includes('overLimit'))
      // A zod issue's own message inside a schema's refinement: said through the issue messages.
      .filter((m) => !text.slice(Math.max(0, m.index - 80), m.index).includes("code: 'custom'"))
      .map((m) => m[0]);
    expect(found, file).toEqual([]);
  });
});

/** A card's summary: compact notation, and in Chinese no English word but a function's or a gate's name. */
describe('node cards’ summaries in Chinese', () => {
  const names = /^(?:sigmoid|hardsigmoid|hardswish|relu6?|silu|max|avg|SE|ceil_mode)$/i;
  const words: MessageSayer = { say: sayMessage, title: kindTitle };
  const cases: [string, string, (w: MessageSayer) => string][] = [
    // An opaque op's summary is the ONNX op's own name.
    ...opKinds
      .filter((kind) => kind !== 'Opaque')
      .flatMap((kind) => {
        const def = opRegistry[kind];
        const all = [{ name: 'default', params: {} }, ...def.conformance];
        return all.map((c): [string, string, (w: MessageSayer) => string] => [
          kind,
          c.name,
          (w) => (def.summary as (p: unknown, w: MessageSayer) => string)(def.schema.parse(c.params), w),
        ]);
      }),
    ...blockKinds.flatMap((kind) => {
      const def = blockRegistry[kind];
      return [{}, { batchNorm: false }].map((p): [string, string, (w: MessageSayer) => string] => [
        kind,
        JSON.stringify(p),
        (w) =>
          (def.summary as (p: unknown, w: MessageSayer) => string)(def.schema.safeParse(p).data ?? {}, w),
      ]);
    }),
  ];
  it('the sparse conv says its density in words of the language', async () => {
    const conv = opRegistry.Conv2d;
    const summary = (w?: MessageSayer) =>
      (conv.summary as (p: unknown, w?: MessageSayer) => string)(
        conv.schema.parse({ outChannels: 8, density: 0.3 }),
        w,
      );
    expect(summary()).toBe('8 3×3 sparse 30%');
    await i18next.changeLanguage('zh');
    expect(summary(words)).toBe('8 3×3 稀疏 30%');
  });
  it.each(cases)('%s (%s)', async (_, __, summary) => {
    await i18next.changeLanguage('zh');
    const text = summary(words);
    const english = (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !names.test(w));
    expect(english, text).toEqual([]);
  });
});

/** A lesson's printed figures name their paper as cited, and say in the reader's language how it counts. */
describe('the papers’ figures beside a lesson, in Chinese', () => {
  const rows = lessons.flatMap((lesson) =>
    (lesson.live?.knob.values ?? []).flatMap((value) => {
      const live = lesson.live;
      if (live === undefined) return [];
      const a = analyze(live.knob.build(value));
      const l = lessonLive(lesson, a);
      return l === undefined
        ? []
        : live.paper(l, value).map((r) => [`${lesson.id} ${r.subject}`, r] as const);
    }),
  );
  it('finds the rows (the check is not vacuous)', () => {
    expect(rows.length).toBeGreaterThan(5);
  });
  it.each(rows)('%s', async (_, row) => {
    await i18next.changeLanguage('zh');
    for (const prose of [row.source.before, row.source.after])
      if (prose !== undefined) expect(sayMessage(prose)).toMatch(han);
    expect(sayCitation(row.source).replace(sayReference(row.source.ref), '')).not.toMatch(englishProse);
  });
});

describe('a paper reference in the reader’s language', () => {
  it('keeps authors and title, and says table, figure and equation in Chinese', () => {
    const ref = 'Sandler et al. 2018, MobileNetV2, Table 2, Fig. 4 and Eq. (3)';
    expect(sayReference(ref, 'en')).toBe(ref);
    expect(sayReference(ref, 'zh')).toBe('Sandler et al. 2018, MobileNetV2, 表 2, 图 4 and 式 (3)');
    expect(sayReference('Iandola et al. 2016, SqueezeNet, Tables 1', 'zh')).toBe(
      'Iandola et al. 2016, SqueezeNet, 表 1',
    );
  });
});
