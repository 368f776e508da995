import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analysis/analyze';
import { liveOf } from '../../core/lessons/live';
import { findLesson } from '../../core/lessons/registry';
import { lessonSlideSvg, slideSize, wrap, type SlideWords } from './slide';

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
  it('wraps long lines at spaces, and Chinese text anywhere', () => {
    expect(wrap('a bb ccc dddd', 6)).toEqual(['a bb', 'ccc', 'dddd']);
    expect(wrap('深度可分离卷积', 3)).toEqual(['深度可', '分离卷', '积']);
  });
});
