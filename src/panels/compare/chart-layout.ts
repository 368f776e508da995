/**
 * Where the difference chart puts its text: a column of row labels, the bars, and a column of
 * values at the right edge, so a value never lands on a label whatever the bar's length or sign.
 * Widths are estimated per character (CJK characters a full em, others about 0.6 em), which
 * errs wide for both scripts at the chart's font size.
 */
export const chartFont = 12;

/** The estimated width of `text` at `font` pixels. */
export function textWidth(text: string, font = chartFont): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? font
        : font * 0.62;
  return w;
}

/** `text` cut (with an ellipsis) to fit `max` pixels. */
export function fitText(text: string, max: number, font = chartFont): string {
  if (textWidth(text, font) <= max) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, font) > max) chars.pop();
  return `${chars.join('')}…`;
}

export interface ChartColumns {
  /** Row labels end here (anchored at their end). */
  readonly labelEnd: number;
  /** The bars' span. */
  readonly barStart: number;
  readonly barEnd: number;
  /** Values end here (anchored at their end). */
  readonly valueEnd: number;
}

/**
 * The columns for a chart `width` wide whose widest value is `valueWidth`: labels take what is
 * left after the bars' minimum and the value column, up to a third of the width.
 */
export function chartColumns(width: number, valueWidth: number): ChartColumns {
  const gap = 8;
  const valueEnd = width - 4;
  const barEnd = valueEnd - valueWidth - gap;
  const labelEnd = Math.round(Math.min(width / 3, barEnd - 120));
  return { labelEnd, barStart: labelEnd + gap, barEnd, valueEnd };
}
