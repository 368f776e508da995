import { basisFiltersLesson } from './basis-filters-lesson';
import { deeprebirthLesson } from './deeprebirth-lesson';
import { depthwiseSeparableLesson } from './depthwise-separable-lesson';
import { directConvLesson } from './direct-conv-lesson';
import { directSparseLesson } from './direct-sparse';
import { expanderLesson } from './expander-lesson';
import { fireLesson } from './fire-lesson';
import { flgcLesson } from './flgc-lesson';
import { igcLesson } from './igc-lesson';
import { igcv2Lesson } from './igcv2-lesson';
import { invertedResidualLesson } from './inverted-residual-lesson';
import { lcclLesson } from './lccl-lesson';
import { lcnnLesson } from './lcnn-lesson';
import { morphnetLesson } from './morphnet-lesson';
import { nestednetLesson } from './nestednet-lesson';
import { shiftLesson } from './shift-lesson';
import { shufflenetLesson } from './shufflenet-lesson';
import { shufflenetV2Lesson } from './shufflenet-v2-lesson';
import { sparseShiftLesson } from './sparse-shift-lesson';
import { splitnetLesson } from './splitnet-lesson';
import { stochasticDepthLesson } from './stochastic-depth-lesson';
import type { LessonDef } from './lesson-types';
import { versatileLesson } from './versatile-lesson';

/** The path through the chapter, in its own order: kernel level [124]–[136], layer [137]–[142], network [143]–[145]. */
export const lessons: readonly LessonDef[] = [
  fireLesson,
  depthwiseSeparableLesson,
  invertedResidualLesson,
  shufflenetLesson,
  shufflenetV2Lesson,
  igcLesson,
  igcv2Lesson,
  flgcLesson,
  directSparseLesson,
  directConvLesson,
  basisFiltersLesson,
  lcnnLesson,
  versatileLesson,
  stochasticDepthLesson,
  lcclLesson,
  deeprebirthLesson,
  expanderLesson,
  shiftLesson,
  sparseShiftLesson,
  splitnetLesson,
  morphnetLesson,
  nestednetLesson,
];

export function findLesson(id: string): LessonDef | undefined {
  return lessons.find((l) => l.id === id);
}
