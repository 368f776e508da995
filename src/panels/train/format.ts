import { i18next } from '../../i18n';

/** "89.4%": an accuracy (0–1) as the panels show it. */
export const formatAccuracy = (top1: number): string => `${(top1 * 100).toFixed(1)}%`;

/** "3", "2.4": epochs, whole when they are. */
export const formatEpochs = (epochs: number): string =>
  Number.isInteger(epochs) ? String(epochs) : epochs.toFixed(1);

/** 'test' or 'validation' in the reader's language (another split's name as the result records it). */
export const splitWord = (split: string): string =>
  split === 'test' || split === 'validation' ? i18next.t(`train:split.${split}`) : split;
