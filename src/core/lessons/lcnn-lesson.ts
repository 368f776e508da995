import { effectiveTotals } from '../analysis/effective-totals';
import { buildExample } from './example-of';
import { layersOf, paramOf, patch } from './live';
import type { LessonDef } from './lesson-types';

const CIN = 64;
const COUT = 64;
const HW = 32 * 32;

/**
 * LCNN: lookup-based convolution [135], on its worked example: a 64 → 64 3×3 conv at 32×32 and the
 * lookup conv beside it, s = 3 lookups per filter position, the knob its dictionary size k.
 */
export const lcnnLesson: LessonDef = {
  id: 'lcnn',
  surveyRef: 135,
  level: 'kernel',
  text: {
    en: {
      title: 'LCNN: lookup-based convolution',
      idea: 'LCNN builds, for each layer, a small dictionary of vectors; every filter is a combination of a few dictionary entries. The input is convolved with the whole dictionary once, and each filter’s result is read from those products by lookups and a few weighted sums.',
      costs:
        'The saving needs lookups instead of a dense conv: as exported, the dictionary conv and the sparse combination run as ordinary convs. Indices must be stored beside the coefficients.',
      task: 'Set the dictionary size so that the effective multiply-adds fall under a quarter of the dense conv’s.',
      knob: 'Dictionary size k',
    },
    zh: {
      title: 'LCNN：基于查表的卷积',
      idea: 'LCNN 为每一层构建一个小字典，每个滤波器都是字典中少数几个向量的线性组合。输入只需与整个字典卷积一次，每个滤波器的结果通过查表和少量加权求和得到。',
      costs: '节省依赖查表而非稠密卷积：导出后，字典卷积和稀疏组合都作为普通卷积运行。除系数外还要存储索引。',
      task: '调节字典大小，使有效乘加数低于稠密卷积的四分之一。',
      knob: '字典大小 k',
    },
  },
  live: {
    knob: {
      values: [16, 32, 64, 128, 256, 512],
      format: (k) => `k = ${k}`,
      read: (design) => paramOf(design, 'lcnn', 'dictionarySize'),
      build: (k) => patch(buildExample(135), { lcnn: { dictionarySize: k } }),
    },
    formula(live) {
      const k = paramOf(live.analysis.design, 'lcnn', 'dictionarySize');
      const s = paramOf(live.analysis.design, 'lcnn', 'lookups');
      if (k === undefined || s === undefined) return undefined;
      return {
        symbolic: "(k·Cin·H·W + s·kh·kw·Cout·H′W′) / (Cin·kh·kw·Cout·H′W′), LCNN's own kernel",
        substituted: `(${k}·${CIN}·${HW} + ${s}·9·${COUT}·${HW}) / (${CIN}·9·${COUT}·${HW})`,
        value: (k * CIN * HW + s * 9 * COUT * HW) / (CIN * 9 * COUT * HW),
        measured: effectiveTotals(layersOf(live.analysis, 'lcnn')).multiplyAdds / live.baseline.multiplyAdds,
      };
    },
    // The paper prints AlexNet-wide speedups (3.2× and 37.6×), not a figure for one layer like this.
    paper: () => [],
    check: (live) =>
      effectiveTotals(layersOf(live.analysis, 'lcnn')).multiplyAdds < live.baseline.multiplyAdds / 4,
  },
};
