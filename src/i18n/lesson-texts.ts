import { lessons } from '../core/lessons/lesson-registry';
import type { LessonText } from '../core/lessons/lesson-types';
import type { Language } from './types';

/** Each lesson's text, in one language, as the `lesson` namespace: lesson id → its fields. */
export const lessonTexts = (lang: Language): Record<string, LessonText> =>
  Object.fromEntries(lessons.map((l) => [l.id, l.text[lang]]));
