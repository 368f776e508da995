import { buildExample } from './example-of';
import { nodeByLabel, paramOf, patch } from './live';
import type { LessonDef } from './lesson-types';

const CIN = 64;
const COUT = 64;
const K = 3;

/** m, the 1×k and the k×1 basis filters of the example's block (equal in this lesson), if it is its design. */
function basisCount(design: Parameters<typeof paramOf>[0]): number | undefined {
  if (nodeByLabel(design, 'basis')?.kind !== 'BasisFilters') return undefined;
  const m1 = paramOf(design, 'basis', 'horizontal');
  return m1 !== undefined && m1 === paramOf(design, 'basis', 'vertical') ? m1 : undefined;
}

/** Low-rank basis filters [134]: m horizontal 1×3 and m vertical 3×1 bases, combined by a 1×1 conv. */
export const basisFiltersLesson: LessonDef = {
  id: 'basis-filters',
  surveyRef: 134,
  level: 'kernel',
  text: {
    en: {
      title: 'Low-rank basis filters',
      idea: 'Instead of full k×k filters, learn a set of small basis filters of mixed shapes (1×k, k×1, a few k×k) in parallel, concatenate them and combine them with a 1×1 conv. Each output filter is then a learned combination of cheap bases.',
      costs:
        'The parallel bases are a fragmented block (G3) with a concat, and the 1×1 combination adds a layer.',
      task: 'Choose a mix of bases that halves the parameters of the 3×3 conv.',
      knob: 'Basis mix',
    },
    zh: {
      title: '低秩基滤波器',
      idea: '不直接学习完整的 k×k 滤波器，而是并行学习一组形状各异的小型基滤波器（1×k、k×1 和少量 k×k），拼接后再用 1×1 卷积组合。每个输出滤波器都是这些廉价基的线性组合。',
      costs: '并行的基滤波器加一次拼接，使模块碎片化（G3）；1×1 组合又多出一层。',
      task: '选择一种基滤波器组合，使参数量减半。',
      knob: '基滤波器组合',
    },
  },
  live: {
    knob: {
      // m 1×3 and m 3×1 bases (m₁ = m₂ = m, no 3×3 bases).
      values: [8, 16, 24, 32, 40, 48],
      format: (m) => `${m} × 1×3 + ${m} × 3×1`,
      read: basisCount,
      build: (m) => patch(buildExample(134), { basis: { horizontal: m, vertical: m, full: 0 } }),
    },
    formula(live) {
      const m = basisCount(live.analysis.design);
      if (m === undefined) return undefined;
      const weights = CIN * (m * K + m * K) + 2 * m * COUT;
      return {
        symbolic: '[Cin·(m₁·k + m₂·k + m₃·k²) + (m₁+m₂+m₃)·Cout] / (k²·Cin·Cout)',
        substituted: `[${CIN}·(${m}·${K} + ${m}·${K}) + (${m} + ${m})·${COUT}] / (${K * K}·${CIN}·${COUT})`,
        value: weights / (K * K * CIN * COUT),
        measured: live.method.params / live.baseline.params,
      };
    },
    // Ioannou et al. print whole-network figures (VGG-11, GoogLeNet, NiN), none for one block.
    paper: () => [],
    check: (live) => live.method.params <= live.baseline.params / 2,
  },
};
