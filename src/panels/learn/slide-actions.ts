import { subjectText } from './subject-text';
import type { TFunction } from 'i18next';
import type { LessonDef, Live } from '../../core/lessons/types';
import type { Language } from '../../i18n';
import { download } from '../../ui/download';
import { svgToPng } from '../../ui/svg-png';
import { lessonSlideSvg } from './slide';
import { formatCount, formatExact, formatRatio } from '../../i18n/numbers';

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
    },
    live,
    wired.formula(live),
    wired.paper(live, knobValue).map((r) => ({ ...r, subject: subjectText(r.subject) })),
    {
      exact: (n) => formatExact(n, lang),
      compact: (n) => formatCount(n, lang),
      ratio: (n) => formatRatio(n, lang),
    },
  );
}

/** Downloads the slide as SVG, or as PNG at twice its size. */
export async function downloadSlide(svg: string, lessonId: string, as: 'svg' | 'png'): Promise<void> {
  const name = `lesson-${lessonId}`;
  if (as === 'svg') download(new Blob([svg], { type: 'image/svg+xml' }), `${name}.svg`);
  else download(await svgToPng(svg, 2), `${name}.png`);
}
