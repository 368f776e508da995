import type { Citation } from '../../citation';
import type { Conv2dParams } from '../../ops/conv2d';
import { fmt } from '../../ops/op-common';
import { english, msg, type Message, type MessageKey } from '../../message';
import type { LayerInfo } from '../analysis-types';

/**
 * The formula behind a block's cost, with the design's own numbers filled in, next to what the
 * same job costs done the plain way: the comparisons the compact-network papers teach with. Its words are
 * messages of the core's catalogue (a UI says them in the reader's language); the formulas are notation.
 */
export interface LessonLine {
  readonly label: Message;
  readonly symbolic: string;
  readonly substituted: string;
  readonly value: number;
}

export interface Lesson {
  readonly title: Message;
  /** The paper and place the formula comes from: the reference as cited, the prose around it as messages. */
  readonly source: Citation<Message>;
  readonly lines: readonly LessonLine[];
  /** The block's cost over the plain alternative: the paper's closed form, and as measured here. */
  readonly ratio?: {
    readonly symbolic: string;
    readonly substituted: string;
    readonly value: number;
    readonly measured: number;
  };
  readonly note?: Message;
}

/** A lesson's source as one line of English. */
export const sourceText = (c: Citation<Message>): string =>
  `${c.before === undefined ? '' : english(c.before)}${c.ref}${c.after === undefined ? '' : english(c.after)}`;

/** A Conv2d layer's figures, read off its shapes and params. */
export interface Conv {
  readonly layer: LayerInfo;
  readonly cin: number;
  readonly cout: number;
  readonly k: number;
  readonly g: number;
  /** Output height × width. */
  readonly hw: number;
  readonly hwText: string;
  readonly inHw: number;
  readonly inHwText: string;
}

export function conv(l: LayerInfo): Conv | undefined {
  if (l.op !== 'Conv2d') return undefined;
  const p = l.params as Conv2dParams;
  const [, cin = 0, ih = 0, iw = 0] = l.inputShapes[0] ?? [];
  const [, , oh = 0, ow = 0] = l.outputShapes[0] ?? [];
  const area = (h: number, w: number): string => (h === w ? `${h}²` : `${h}·${w}`);
  return {
    layer: l,
    cin,
    cout: p.outChannels,
    k: p.kernel[0],
    g: p.groups,
    hw: oh * ow,
    hwText: area(oh, ow),
    inHw: ih * iw,
    inHwText: area(ih, iw),
  };
}

/** A line of a lesson: its label (a message, or the key of one naming no values), formula, numbers, value. */
export const line = (
  label: Message | MessageKey,
  symbolic: string,
  numbers: string,
  value: number,
): LessonLine => ({
  label: typeof label === 'string' ? msg(label) : label,
  symbolic,
  substituted: `${numbers} = ${fmt(value)}`,
  value,
});

export const madds = (layers: readonly LayerInfo[]): number =>
  layers.reduce((s, l) => s + l.cost.multiplyAdds, 0);
export const ratioText = (v: number): string => v.toFixed(4);
