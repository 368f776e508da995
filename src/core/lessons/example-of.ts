import { examples } from '../examples/example-registry';
import type { ExampleDef } from '../examples/example-types';
import type { LessonDef } from './lesson-types';

/** The worked example a lesson opens: the first one for the method's survey reference, if it has landed. */
export function exampleOf(lesson: Pick<LessonDef, 'surveyRef'>): ExampleDef | undefined {
  return examples.find((e) => e.surveyRef === lesson.surveyRef);
}

/** The example's design, or a clear error naming what is missing (lessons call it only once it exists). */
export function buildExample(surveyRef: number): ReturnType<ExampleDef['build']> {
  const example = exampleOf({ surveyRef });
  if (example === undefined) throw new Error(`no worked example for survey reference [${surveyRef}]`);
  return example.build();
}
