import { subjectText } from './subject-text';
import type { TFunction } from 'i18next';
import type { LessonDef, Live } from '../../core/lessons/lesson-types';
import type { Language } from '../../i18n';
import { download } from '../../ui/download';
import { svgToPng } from '../../ui/svg-png';
import { thumbnailBody } from '../../core/document/thumbnail';
import { sideDesigns } from '../../core/lessons/live';
import { referenceOf, referenceText } from '../../core/lessons/references';
import { lessons } from '../../core/lessons/lesson-registry';
import type { Design } from '../../core/design/design-types';
import { lessonSlideSvg, slidePicture, type SlidePicture } from './slide';
import { formatCount, formatExact, formatRatio } from '../../i18n/numbers';

/**
 * The designs a lesson's pair is drawn from: each side of a side-by-side example, or the one
 * network a lesson reads both sides from (a transform, a knob on the whole network).
 */
export function lessonPictures(
  design: Design,
  t: TFunction<'learn'>,
): { readonly caption: string; readonly design: Design }[] {
  const sides = sideDesigns(design);
  return sides === undefined
    ? [{ caption: design.name, design }]
    : [
        { caption: t('side.baseline'), design: sides.baseline },
        { caption: t('side.method'), design: sides.method },
      ];
}

/** "Lesson 7 of 22 · survey ref. [130]" for the lesson. */
export const lessonNumber = (lesson: LessonDef, t: TFunction<'learn'>): string =>
  t('lessonOf', {
    n: lessons.findIndex((l) => l.id === lesson.id) + 1,
    total: lessons.length,
    ref: lesson.surveyRef,
  });

/** The lesson's slide in the reader's language, from the live design. */
export function slideOf(
  lesson: LessonDef,
  live: Live,
  knobValue: number,
  t: TFunction<'learn'>,
  tl: TFunction<'lesson'>,
  lang: Language,
): string | undefined {
  const wired = lesson.live;
  if (wired === undefined) return undefined;
  return lessonSlideSvg(
    {
      title: tl(`${lesson.id}.title`),
      knob: `${tl(`${lesson.id}.knob`)}: ${wired.knob.format(knobValue)}`,
      baseline: t('side.baseline'),
      method: t('side.method'),
      ratio: t('side.ratio'),
      quantity: {
        params: t('quantity.params'),
        multiplyAdds: t('quantity.multiplyAdds'),
        memoryAccess: t('quantity.memoryAccess'),
      },
      formula: t('formula'),
      measured: t('measured'),
      paper: t('paper'),
      paperCol: t('paperCol'),
      toolCol: t('toolCol'),
      convention: t('slideConvention'),
      lessonOf: lessonNumber(lesson, t),
      reference: ((r) => (r === undefined ? '' : referenceText(r)))(referenceOf(lesson)),
    },
    live,
    wired.formula(live),
    wired.paper(live, knobValue).map((r) => ({ ...r, subject: subjectText(r.subject) })),
    {
      exact: (n) => formatExact(n, lang),
      compact: (n) => formatCount(n, lang),
      ratio: (n) => formatRatio(n, lang),
    },
    lessonPictures(live.analysis.design, t).map((p): SlidePicture => ({
      caption: p.caption,
      body: thumbnailBody(p.design, slidePicture),
    })),
  );
}

/** Downloads the slide as SVG, or as PNG at twice its size. */
export async function downloadSlide(svg: string, lessonId: string, as: 'svg' | 'png'): Promise<void> {
  const name = `lesson-${lessonId}`;
  if (as === 'svg') download(new Blob([svg], { type: 'image/svg+xml' }), `${name}.svg`);
  else download(await svgToPng(svg, 2), `${name}.png`);
}
