import { blockRegistry, type BlockKind, opRegistry, type OpKind } from '../core/kinds';
import type { DesignNode } from '../core/design/design-types';
import { convVariant } from '../core/ops/conv2d';
import type { OpFamily } from '../core/ops/op-types';
import type { MessageSayer } from '../core/message';
import { kindTitle } from '../i18n/core-text';
import { sayMessage } from '../i18n/say';
import { i18next } from '../i18n';

/** The colours of cards' stripes, by what the node does, in a legend's order; CSS has one variable per stripe. */
export const stripes = [
  'io',
  'conv',
  'depthwise',
  'pointwise',
  'normact',
  'pooling',
  'head',
  'channel',
  'merge',
  'shape',
  'block',
] as const;
export type Stripe = (typeof stripes)[number];

const byFamily: Readonly<Record<OpFamily, Stripe>> = {
  io: 'io',
  convolution: 'conv',
  normalisation: 'normact',
  activation: 'normact',
  pooling: 'pooling',
  linear: 'head',
  channel: 'channel',
  elementwise: 'merge',
  shape: 'shape',
};

export const stripeOfFamily = (family: OpFamily): Stripe => byFamily[family];

export interface NodeLook {
  readonly stripe: Stripe;
  /** What the card calls the node: "Depthwise conv", "Inverted residual". */
  readonly title: string;
  /** The key settings in one short line. */
  readonly summary: string;
}

/** A card's few words in the reader's language. */
const words: MessageSayer = { say: sayMessage, title: kindTitle };

export function lookOf(node: DesignNode, inChannels: number | undefined): NodeLook {
  if (Object.hasOwn(blockRegistry, node.kind)) {
    const def = blockRegistry[node.kind as BlockKind];
    return {
      stripe: 'block',
      title: kindTitle(node.kind),
      summary: (def.summary as (p: unknown, w: MessageSayer) => string)(node.params, words),
    };
  }
  const def = opRegistry[node.kind as OpKind];
  const summary = (def.summary as (p: unknown, w: MessageSayer) => string)(node.params, words);
  if (node.kind === 'Conv2d') {
    const variant = convVariant(node.params, inChannels);
    const stripe = variant === 'depthwise' ? 'depthwise' : variant === 'pointwise' ? 'pointwise' : 'conv';
    return { stripe, title: i18next.t(`canvas:conv.${variant}`), summary };
  }
  return { stripe: byFamily[def.family], title: kindTitle(node.kind), summary };
}
