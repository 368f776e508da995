/* eslint-disable i18next/no-literal-string -- SVG markup; every word on the slide comes in through SlideWords, in the reader's language. */
import type { Formula, Live, PaperRow } from '../../core/lessons/lesson-types';
import { formulaText } from '../../i18n/say';

/** The words a slide needs, already in the reader's language. */
export interface SlideWords {
  readonly title: string;
  /** "Squeeze channels: s = 16". */
  readonly knob: string;
  readonly baseline: string;
  readonly method: string;
  readonly ratio: string;
  readonly quantity: Readonly<Record<'params' | 'multiplyAdds' | 'memoryAccess', string>>;
  readonly formula: string;
  readonly measured: string;
  readonly paper: string;
  readonly paperCol: string;
  readonly toolCol: string;
  /** The counting convention, in one line (batch 1, multiply-adds, elements). */
  readonly convention: string;
  /** "Lesson 7 of 22 · survey ref. [130]". */
  readonly lessonOf: string;
  /** The paper: "Xie et al., Interleaved structured sparse …, CVPR, 2018". */
  readonly reference: string;
}

/** A design's picture on the slide: its caption and its markup (see thumbnailBody) for `slidePicture`'s size. */
export interface SlidePicture {
  readonly caption: string;
  readonly body: string;
}

/** Each picture's box on the slide (two stand side by side at the right). */
export const slidePicture = { width: 200, height: 250 } as const;

/** How numbers read on the slide (locale-aware formatters from the caller). */
export interface SlideFormat {
  exact(n: number): string;
  compact(n: number): string;
  ratio(n: number): string;
}

export const slideSize = { width: 1600, height: 900 } as const;

const quantities = ['params', 'multiplyAdds', 'memoryAccess'] as const;

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Splits text into lines of at most `max` characters at spaces (CJK text breaks anywhere). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  const cjk = /[\u3000-\u9fff]/.test(text);
  const words = cjk ? Array.from(text) : text.split(' ');
  const sep = cjk ? '' : ' ';
  for (const w of words) {
    const next = line === '' ? w : `${line}${sep}${w}`;
    if (next.length > max && line !== '') {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * A lesson's pair as one slide (1600×900, type sized for a projector): the two sides' figures and
 * their ratio, the key formula with the design's numbers beside what the analysis measured, and the
 * paper's figures where it prints them. Every number comes from `live`, `formula` and `paper`.
 */
/** Characters per reference line: beside the pictures it keeps to their left. */
const narrowRef = (pictures: boolean): number => (pictures ? 66 : 110);

export function lessonSlideSvg(
  words: SlideWords,
  live: Live,
  formula: Formula | undefined,
  paper: readonly PaperRow[],
  f: SlideFormat,
  pictures: readonly SlidePicture[] = [],
): string {
  const { width, height } = slideSize;
  const out: string[] = [];
  const text = (x: number, y: number, s: string, cls: string, anchor = 'start') =>
    out.push(`<text x="${x}" y="${y}" class="${cls}" text-anchor="${anchor}">${esc(s)}</text>`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<rect width="${width}" height="12" fill="#2563eb"/>`);
  text(80, 62, words.lessonOf, 'foot');
  let y = 120;
  for (const line of wrap(words.title, 48)) {
    text(80, y, line, 'title');
    y += 64;
  }
  text(80, y, words.knob, 'knob');
  y += 80;
  const cols = [80, 620, 930, 1240] as const;
  text(cols[1] + 250, y, words.baseline, 'head', 'end');
  text(cols[2] + 250, y, words.method, 'head', 'end');
  text(cols[3] + 250, y, words.ratio, 'head', 'end');
  y += 20;
  out.push(`<line x1="80" x2="${width - 80}" y1="${y}" y2="${y}" stroke="#94a3b8" stroke-width="2"/>`);
  for (const q of quantities) {
    y += 54;
    const b = live.baseline[q];
    const m = live.method[q];
    text(cols[0], y, words.quantity[q], 'label');
    text(cols[1] + 250, y, f.exact(b), 'num', 'end');
    text(cols[2] + 250, y, f.exact(m), 'num strong', 'end');
    text(cols[3] + 250, y, b === 0 ? '–' : f.ratio(m / b), 'num', 'end');
  }
  y += 70;
  const pictureTop = y - 30;
  const reference = wrap(words.reference, narrowRef(pictures.length > 0));
  // Text stops above the reference lines at the foot.
  const limit = height - 80 - (reference.length - 1) * 32 - 44;
  const line = (x: number, s: string, cls: string, step: number) => {
    if (y <= limit) text(x, y, s, cls);
    y += step;
  };
  // With pictures at the right, the text below the table keeps to the left of them.
  const narrow = pictures.length > 0;
  if (formula !== undefined) {
    text(80, y, words.formula, 'head');
    y += 56;
    for (const part of wrap(formulaText(formula.symbolic), narrow ? 48 : 72)) line(80, part, 'mono', 42);
    for (const part of wrap(`${formula.substituted} = ${f.ratio(formula.value)}`, narrow ? 48 : 72))
      line(80, part, 'mono strong', 42);
    line(80, `${words.measured}: ${f.ratio(formula.measured)}`, 'small', 56);
  }
  if (paper.length > 0 && y <= limit) {
    const row0 = paper[0];
    if (row0 !== undefined) {
      const row = `${words.paper}: ${row0.subject} · ${words.quantity[row0.quantity]} — ${words.paperCol} ${f.exact(row0.paper)}, ${words.toolCol} ${f.exact(row0.tool)}`;
      for (const part of wrap(row, narrow ? 62 : 96)) line(80, part, 'small', 40);
    }
  }
  pictures.slice(0, 2).forEach((p, i) => {
    const x = width - 80 - (2 - i) * (slidePicture.width + 30) + 30;
    out.push(
      `<rect x="${x - 8}" y="${pictureTop - 8}" width="${slidePicture.width + 16}" height="${slidePicture.height + 56}" rx="10" fill="#f8fafc" stroke="#cbd5e1"/>`,
    );
    out.push(
      `<svg class="design-picture" x="${x}" y="${pictureTop}" width="${slidePicture.width}" height="${slidePicture.height}" viewBox="0 0 ${slidePicture.width} ${slidePicture.height}">${p.body}</svg>`,
    );
    text(x + slidePicture.width / 2, pictureTop + slidePicture.height + 36, p.caption, 'small', 'middle');
  });
  for (const [i, part] of reference.slice(0, 2).reverse().entries())
    text(80, height - 80 - i * 32, part, 'ref');
  text(80, height - 40, words.convention, 'foot');
  const style =
    '<style>text{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;fill:#0f172a}' +
    '.title{font-size:54px;font-weight:700}.knob{font-size:34px;fill:#334155}.head{font-size:30px;font-weight:600;fill:#334155}' +
    '.label{font-size:36px}.num{font-size:38px;font-variant-numeric:tabular-nums}.strong{font-weight:700;fill:#1d4ed8}' +
    '.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:30px}.small{font-size:28px;fill:#334155}.foot{font-size:22px;fill:#64748b}.ref{font-size:24px;fill:#334155;font-style:italic}</style>';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${style}${out.join('')}</svg>`;
}
