import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analysis/analyze';
import { thumbnailBody } from '../../core/document/thumbnail';
import { liveOf, sideDesigns } from '../../core/lessons/live';
import { findLesson } from '../../core/lessons/lesson-registry';
import { lessonSlideSvg, slidePicture, slideSize, wrap, type SlideWords } from './slide';

const words: SlideWords = {
  title: 'SqueezeNet <Fire> module',
  knob: 'Squeeze channels: s = 16',
  baseline: 'Baseline',
  method: 'Method',
  ratio: 'Ratio',
  quantity: { params: 'Params', multiplyAdds: 'Multiply-adds', memoryAccess: 'Memory access' },
  formula: 'Key formula',
  measured: 'measured',
  paper: 'Paper',
  paperCol: 'paper',
  toolCol: 'tool',
  convention: 'batch 1',
  lessonOf: 'Lesson 1 of 22 · survey ref. [124]',
  reference: 'Iandola et al., SqueezeNet, arXiv:1602.07360, 2016',
};
const f = {
  exact: (n: number) => String(n),
  compact: (n: number) => String(n),
  ratio: (n: number) => n.toFixed(4),
};

/** The text of every <text> element, in order. */
const texts = (svg: string): string[] =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');

describe('a lesson as a slide', () => {
  it('carries the Fire pair’s figures, the formula and SqueezeNet’s 11,920, counted here in closed form', () => {
    const lesson = findLesson('fire');
    if (lesson?.live === undefined) throw new Error('fire is not wired');
    const analysis = analyze(lesson.live.knob.build(16));
    const live = liveOf(analysis);
    if (live === undefined) throw new Error('no sides');
    const svg = lessonSlideSvg(words, live, lesson.live.formula(live), lesson.live.paper(live, 16), f);
    const all = texts(svg);
    // Dense 3×3, 96 → 128 channels with bias; fire2 (s = 16, e = 64 + 64) with biases; 55×55 map.
    const baseParams = 96 * 128 * 9 + 128;
    const fireParams = 96 * 16 + 16 + (16 * 64 + 64) + (16 * 64 * 9 + 64);
    // SqueezeNet's Table 1 prints fire2's 11,920 weights; the tool's side must count the same.
    expect(all.some((t) => t.includes(`paper 11920, tool ${fireParams}`))).toBe(true);
    expect(all).toContain(String(baseParams));
    expect(all).toContain(String(fireParams));
    expect(all).toContain(String(55 * 55 * 96 * 128 * 9));
    expect(all).toContain((fireParams / baseParams).toFixed(4));
    expect(
      all.some((t) => t.includes('= ' + ((96 * 16 + 64 * 16 + 576 * 16) / (9 * 96 * 128)).toFixed(4))),
    ).toBe(true);
    // Text is escaped, and the picture has the projector size.
    expect(all).toContain('SqueezeNet &lt;Fire&gt; module');
    expect(svg).toContain(`width="${slideSize.width}" height="${slideSize.height}"`);
  });
  it('draws each side’s design, and names the lesson’s number and its paper', () => {
    const lesson = findLesson('shufflenet');
    if (lesson?.live === undefined) throw new Error('shufflenet is not wired');
    const analysis = analyze(lesson.live.knob.build(3));
    const live = liveOf(analysis);
    const sides = sideDesigns(analysis.design);
    if (live === undefined || sides === undefined) throw new Error('no sides');
    const pictures = [
      { caption: 'Baseline', body: thumbnailBody(sides.baseline, slidePicture) },
      { caption: 'Method', body: thumbnailBody(sides.method, slidePicture) },
    ];
    const svg = lessonSlideSvg(words, live, lesson.live.formula(live), [], f, pictures);
    const drawn = [...svg.matchAll(/<svg class="design-picture"[^>]*>(.*?)<\/svg>/g)].map((m) => m[1] ?? '');
    expect(drawn).toHaveLength(2);
    // ResNet's bottleneck as the example writes it: input, 3 convs, 3 batch norms, 3 ReLUs, add, output;
    // ShuffleNet's unit is one block card between input and output.
    const cards = (body: string) => body.match(/<rect /g)?.length ?? 0;
    expect(cards(drawn[0] ?? '')).toBe(1 + 3 + 3 + 3 + 1 + 1);
    expect(cards(drawn[1] ?? '')).toBe(3);
    // The bottleneck's wires: a chain of 11 edges through its 12 cards, plus the shortcut into the add.
    expect((drawn[0] ?? '').match(/<line /g)?.length).toBe(12);
    const all = texts(svg);
    expect(all).toContain('Lesson 1 of 22 · survey ref. [124]');
    expect(all).toContain('Iandola et al., SqueezeNet, arXiv:1602.07360, 2016');
    expect(all).toEqual(expect.arrayContaining(['Baseline', 'Method']));
  });
  it('wraps long lines at spaces, and Chinese text anywhere', () => {
    expect(wrap('a bb ccc dddd', 6)).toEqual(['a bb', 'ccc', 'dddd']);
    expect(wrap('深度可分离卷积', 3)).toEqual(['深度可', '分离卷', '积']);
  });
});
