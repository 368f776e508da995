import { analyze } from '../analysis/analyze';
import { scaleChannels, scaleDesign } from '../analysis/scale';
import type { Analysis } from '../analysis/analysis-types';
import type { Design } from '../design/design-types';
import { morphNetExpandExample } from '../examples/morphnet';
import { paramOf, totalsSide } from './live';
import type { LessonDef } from './lesson-types';

/** The small CNN of the network-level examples: convs 3 → 32 → 64 → 64 (3×3; the second strides), then 10 classes. */
const WIDTHS = [3, 32, 64, 64] as const;
/** H·W each conv's output covers: 32×32, then 16×16. */
const AREAS = [1024, 256, 256] as const;
const CLASSES = 10;
const VALUES = [0.5, 0.75, 1, 1.25, 1.5] as const;
const BUDGET = 0.6;

/** Multiply-adds of the small CNN at conv widths c₁, c₂, c₃: Σ 9·Cin·Cout·HW + c₃·K. */
export function smallCnnMultiplyAdds(c: readonly [number, number, number]): number {
  const w = [WIDTHS[0], ...c];
  return c.reduce((s, _, i) => s + 9 * (w[i] ?? 0) * (w[i + 1] ?? 0) * (AREAS[i] ?? 0), 0) + c[2] * CLASSES;
}

const widthsOf = (design: Design): [number, number, number] | undefined => {
  const c = [1, 2, 3].map((i) => paramOf(design, `conv${i}`, 'outChannels'));
  return c.every((x) => x !== undefined) ? (c as [number, number, number]) : undefined;
};

/** The multiplier whose widths (to the channel, as MorphNet resizes) the design has. */
function multiplier(design: Design): number | undefined {
  const c = widthsOf(design);
  if (c === undefined || paramOf(design, 'fc', 'outFeatures') !== CLASSES) return undefined;
  return VALUES.find((v) => [1, 2, 3].every((i) => scaleChannels(WIDTHS[i] ?? 0, v) === c[i - 1]));
}

const build = (w: number): Design => scaleDesign(morphNetExpandExample.build(), { width: w });
let full: Analysis | undefined;
/** The network at width 1: the baseline side. */
const atOne = (): Analysis => (full ??= analyze(build(1)));

/** MorphNet: shrink and expand [144]: the idea, and the worked example wired to its knob, formula and task. */
export const morphnetLesson: LessonDef = {
  id: 'morphnet',
  surveyRef: 144,
  level: 'network',
  text: {
    en: {
      title: 'MorphNet: shrink and expand',
      idea: 'MorphNet alternates two steps: shrink, where a sparsity penalty weighted by each layer’s cost drives the least useful channels to zero and removes them; and expand, where a width multiplier grows every layer uniformly back to the budget. Layers with more important channels end up wider.',
      costs:
        'Each cycle needs training; the resulting widths are irregular, which can break the equal-width guideline (G1).',
      task: 'Fit the network to a budget of 60% of its multiply-adds: the widest multiplier within it.',
      knob: 'Width multiplier',
    },
    zh: {
      title: 'MorphNet：收缩与扩展',
      idea: 'MorphNet 交替进行两步：收缩阶段，用按各层代价加权的稀疏正则项把最没用的通道压到零并删除；扩展阶段，用宽度乘子把所有层统一放大，直到用满预算。重要通道多的层最终更宽。',
      costs: '每个循环都需要训练；得到的宽度不规则，可能违背等宽准则（G1）。',
      task: '把网络调整到原乘加数的 60% 预算之内：取预算内最宽的乘子。',
      knob: '宽度乘子',
    },
  },
  live: {
    knob: {
      values: VALUES,
      format: (w) => `${w}×`,
      read: multiplier,
      build,
    },
    sides(analysis) {
      if (multiplier(analysis.design) === undefined) return undefined;
      return { analysis, baseline: totalsSide(atOne()), method: totalsSide(analysis) };
    },
    formula(live) {
      const c = widthsOf(live.analysis.design);
      if (c === undefined) return undefined;
      const full = smallCnnMultiplyAdds([WIDTHS[1], WIDTHS[2], WIDTHS[3]]);
      return {
        symbolic:
          'multiply-adds(w) / multiply-adds(1) = (Σ 9·Cin·Cout·HW + c₃·K) at the rounded widths / at width 1',
        substituted: `widths ${c.join(', ')}: ${smallCnnMultiplyAdds(c)} / ${full}`,
        value: smallCnnMultiplyAdds(c) / full,
        measured: live.method.multiplyAdds / live.baseline.multiplyAdds,
      };
    },
    paper: () => [],
    // Within the budget, and the next wider multiplier would not be: the budget is filled.
    check: (live) => {
      const w = multiplier(live.analysis.design);
      if (w === undefined || live.method.multiplyAdds > BUDGET * live.baseline.multiplyAdds) return false;
      const wider = VALUES.find((v) => v > w);
      const c =
        wider === undefined
          ? undefined
          : ([1, 2, 3].map((i) => scaleChannels(WIDTHS[i] ?? 0, wider)) as [number, number, number]);
      return c === undefined || smallCnnMultiplyAdds(c) > BUDGET * live.baseline.multiplyAdds;
    },
  },
};
