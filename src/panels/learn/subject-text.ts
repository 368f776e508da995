import { i18next } from '../../i18n';

/**
 * A paper row's subject in the reader's language: the words a lesson names a layer by ("conv 3×3",
 * "separable") are translated; a layer's own name ("fire2") stays as the network names it.
 */
export function subjectText(subject: string): string {
  const words = i18next.t('learn:subjects', { returnObjects: true }) as unknown;
  const said =
    typeof words === 'object' && words !== null ? (words as Record<string, unknown>)[subject] : undefined;
  return typeof said === 'string' ? said : subject;
}
