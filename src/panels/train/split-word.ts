import { i18next } from '../../i18n';

/** 'test' or 'validation' in the reader's language (another split's name as the result records it). */
export const splitWord = (split: string): string =>
  split === 'test' || split === 'validation' ? i18next.t(`train:split.${split}`) : split;
