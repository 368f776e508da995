import { basisFiltersLesson } from './basis-filters';
import { deeprebirthLesson } from './deeprebirth';
import { depthwiseSeparableLesson } from './depthwise-separable';
import { directConvLesson } from './direct-conv';
import { directSparseLesson } from './direct-sparse';
import { expanderLesson } from './expander';
import { fireLesson } from './fire';
import { flgcLesson } from './flgc';
import { igcLesson } from './igc';
import { igcv2Lesson } from './igcv2';
import { invertedResidualLesson } from './inverted-residual';
import { lcclLesson } from './lccl';
import { lcnnLesson } from './lcnn';
import { morphnetLesson } from './morphnet';
import { nestednetLesson } from './nestednet';
import { shiftLesson } from './shift';
import { shufflenetLesson } from './shufflenet';
import { shufflenetV2Lesson } from './shufflenet-v2';
import { sparseShiftLesson } from './sparse-shift';
import { splitnetLesson } from './splitnet';
import { stochasticDepthLesson } from './stochastic-depth';
import type { LessonDef } from './types';
import { versatileLesson } from './versatile';

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
