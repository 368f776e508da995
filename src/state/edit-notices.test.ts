import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../core/design/builder';
import type { Design } from '../core/design/design-types';
import { i18next, type Language } from '../i18n';
import { createStudioStore, type StudioStore } from './store';

/** input 1×3×32×32 → stem (conv to 16) → act (ReLU) → head (conv to 8) → out. */
function chain(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 32, width: 32 }, [], 'input');
  const stem = g.add('Conv2d', { outChannels: 16 }, [x], 'stem');
  const act = g.add('ReLU', {}, [stem], 'act');
  const head = g.add('Conv2d', { outChannels: 8 }, [act], 'head');
  g.output(head, 'out');
  return g.design('chain');
}

/** input → left and right (two ReLUs) → join (Add) → after (ReLU) → out. */
function branches(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 32, width: 32 }, [], 'input');
  const left = g.add('ReLU', {}, [x], 'left');
  const right = g.add('ReLU', {}, [x], 'right');
  const join = g.add('Add', {}, [left, right], 'join');
  const after = g.add('ReLU', {}, [join], 'after');
  g.output(after, 'out');
  return g.design('branches');
}

/** input 1×16×8×8 → unit (inverted residual 16 → 16, stride 1: it has its skip) → out. */
function residual(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 16, height: 8, width: 8 }, [], 'input');
  const unit = g.add('InvertedResidual', { outChannels: 16 }, [x], 'unit');
  g.output(unit, 'out');
  return g.design('residual');
}

const idOf = (s: StudioStore, label: string): string =>
  s.getState().design.nodes.find((n) => n.label === label)?.id ?? '';

// Chinese loads on demand in the app; here it is there before the synchronous switches below.
beforeAll(async () => {
  await i18next.loadLanguages('zh');
});

/** The notice a delete of these nodes (by label) gives, in a language. */
function deleting(design: Design, labels: readonly string[], lang: Language): string | undefined {
  void i18next.changeLanguage(lang);
  const store = createStudioStore();
  store.getState().replaceDesign(design, { fresh: true });
  store.getState().select(labels.map((l) => idOf(store, l)));
  store.getState().removeSelected();
  return store.getState().notice?.text;
}

/** The notices of a width edit that takes the skip away, then of the edit that brings it back. */
function widthEdits(lang: Language): (string | undefined)[] {
  void i18next.changeLanguage(lang);
  const store = createStudioStore();
  store.getState().replaceDesign(residual(), { fresh: true });
  const unit = idOf(store, 'unit');
  store.getState().setParams(unit, { outChannels: 24 });
  const lost = store.getState().notice?.text;
  store.getState().setParams(unit, { outChannels: 16 });
  return [lost, store.getState().notice?.text];
}

/** The notices of making a stage of the unit, then of changing its number of units. */
function stageEdits(lang: Language): (string | undefined)[] {
  void i18next.changeLanguage(lang);
  const store = createStudioStore();
  store.getState().replaceDesign(residual(), { fresh: true });
  const unit = idOf(store, 'unit');
  store.getState().repeatAsStage(unit, 3);
  const made = store.getState().notice?.text;
  store.getState().repeatAsStage(unit, 4);
  const more = store.getState().notice?.text;
  store.getState().repeatAsStage(unit, 1);
  return [made, more, store.getState().notice?.text];
}

/** What is left of a Chinese notice once the names, shapes and the shortcut are taken out: no Latin letter. */
const latinLeft = (text: string, names: readonly string[]): string[] =>
  names
    .reduce((t, n) => t.replaceAll(n, ''), text)
    .replace('Ctrl+Z', '')
    .match(/[A-Za-z]+/g) ?? [];

afterEach(async () => {
  await i18next.changeLanguage('en');
});

describe('a delete says what it bridged and what it broke', () => {
  const cases: readonly {
    what: string;
    design: () => Design;
    labels: readonly string[];
    en: string;
    zh: string;
  }[] = [
    {
      what: 'a node between equal shapes is bridged',
      design: chain,
      labels: ['act'],
      en: 'Deleted act. Connected stem → head (1×16×32×32).',
      zh: '已删除 act。已连接 stem → head（1×16×32×32）。',
    },
    {
      what: 'a chain that changes the shape is not',
      design: chain,
      labels: ['stem', 'act'],
      en: 'Deleted stem, act. head lost input 1: it received 1×16×32×32 and input gives 1×3×32×32, so nothing was bridged.',
      zh: '已删除 stem、act。head 的输入 1 已断开：它原来接收 1×16×32×32，而 input 输出 1×3×32×32，因此未自动接通。',
    },
    {
      what: 'a part with two ways in is not',
      design: branches,
      labels: ['join'],
      en: 'Deleted join. after lost input 1: the deleted part had more than one way in, so nothing was bridged.',
      zh: '已删除 join。after 的输入 1 已断开：被删除的部分有多个入口，因此未自动接通。',
    },
    {
      what: 'more than three nodes are counted',
      design: branches,
      labels: ['left', 'right', 'join', 'after'],
      en: 'Deleted 4 nodes. out lost input 1: the deleted part had more than one way in, so nothing was bridged.',
      zh: '已删除 4 个节点。out 的输入 1 已断开：被删除的部分有多个入口，因此未自动接通。',
    },
  ];

  it.each(cases)('$what, in English', ({ design, labels, en }) => {
    expect(deleting(design(), labels, 'en')).toBe(en);
  });

  it.each(cases)('$what, in Chinese', ({ design, labels, zh }) => {
    const text = deleting(design(), labels, 'zh') ?? '';
    expect(text).toBe(zh);
    const names = ['input', 'stem', 'act', 'head', 'left', 'right', 'join', 'after', 'out'];
    expect(latinLeft(text, names)).toEqual([]);
  });
});

describe('a width edit says which residual add it took away or brought back', () => {
  it('in English', () => {
    expect(widthEdits('en')).toEqual([
      'unit lost its residual add: a skip needs stride 1 and equal input and output widths (input 16, output 24 channels). Undo (Ctrl+Z) brings it back.',
      'unit gained a residual add: input and output now have one shape (input 16, output 16 channels).',
    ]);
  });

  it('in Chinese, with the name and the widths', () => {
    const [lost = '', gained = ''] = widthEdits('zh');
    expect(lost).toBe(
      'unit 失去了 1 个残差相加：跳连要求步长为 1 且输入、输出通道数相同（输入 16、输出 24 通道）。撤销（Ctrl+Z）可恢复。',
    );
    expect(gained).toBe('unit 新增了 1 个残差相加：输入与输出现在形状相同（输入 16、输出 16 通道）。');
    for (const text of [lost, gained]) expect(latinLeft(text, ['unit'])).toEqual([]);
  });
});

describe('making a stage says how many units it has', () => {
  it('in English (one unit is one unit, not "1 units")', () => {
    expect(stageEdits('en')).toEqual([
      'unit is now stage_1: 3 units, the first with its stride and width, the others keeping the shape. Undo (Ctrl+Z) turns it back.',
      'stage_1 now has 4 units.',
      'stage_1 now has 1 unit.',
    ]);
  });

  it('in Chinese', () => {
    const texts = stageEdits('zh');
    expect(texts).toEqual([
      'unit 已变为 stage_1：3 个单元，第一个保留它的步长和宽度，其余保持形状不变。撤销（Ctrl+Z）可还原。',
      'stage_1 现在有 4 个单元。',
      'stage_1 现在有 1 个单元。',
    ]);
    for (const text of texts) expect(latinLeft(text ?? '', ['unit', 'stage_1'])).toEqual([]);
  });
});
