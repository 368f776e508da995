import { buildExample } from './example-of';
import { paramOf, patch } from './live';
import type { LessonDef } from './lesson-types';

const C = 64;

/** IGC [129]: a primary 3×3 group conv (L groups) and a secondary 1×1 group conv (M groups), C = L·M. */
export const igcLesson: LessonDef = {
  id: 'igc',
  surveyRef: 129,
  level: 'kernel',
  text: {
    en: {
      title: 'IGC: interleaved group convolutions',
      idea: 'IGC builds a conv from two group convs. The primary one is a 3×3 conv in L groups of M channels; the secondary one is a 1×1 conv in M groups whose every group takes one channel from each primary group. Every output then depends on every input, as in a dense conv, for C(9M + L) weights instead of 9C². The count is least when L and M are balanced around 9M ≈ L.',
      costs:
        'Both convs are group convs, so memory access stays high for their multiply-adds (G2), and the permutation between them is a data move with no arithmetic.',
      task: 'Choose the split that brings the IGC block under 3,400 parameters (the dense conv has 36,864).',
      knob: 'Primary groups L (M = C / L)',
    },
    zh: {
      title: 'IGC：交错组卷积',
      idea: 'IGC 用两次组卷积组成一个卷积。主组卷积是分成 L 组、每组 M 个通道的 3×3 卷积；次组卷积是分成 M 组的 1×1 卷积，它的每一组从主组卷积的每一组各取一个通道。这样每个输出仍依赖所有输入，和普通卷积一样，但权重只有 C(9M + L) 个，而不是 9C²。当 L 与 M 平衡（9M ≈ L）时权重最少。',
      costs: '两次都是组卷积，相对乘加数，内存访问依然偏高（G2）；两者之间的通道置换只搬运数据、不做计算。',
      task: '选择合适的分组，使 IGC 模块的参数量低于 3,400（普通卷积为 36,864）。',
      knob: '主组数 L（M = C / L）',
    },
  },
  live: {
    knob: {
      values: [1, 2, 4, 8, 16, 32, 64],
      format: (l) => `L = ${l}, M = ${C / l}`,
      read: (design) => paramOf(design, 'igc', 'primaryGroups'),
      build: (l) => patch(buildExample(129), { igc: { primaryGroups: l, secondaryGroups: C / l } }),
    },
    formula(live) {
      const l = paramOf(live.analysis.design, 'igc', 'primaryGroups');
      const m = paramOf(live.analysis.design, 'igc', 'secondaryGroups');
      if (l === undefined || m === undefined) return undefined;
      return {
        symbolic: 'C(9M + L) / 9C² = (9M + L) / 9C',
        substituted: `(9·${m} + ${l}) / (9·${C})`,
        value: (9 * m + l) / (9 * C),
        measured: live.method.multiplyAdds / live.baseline.multiplyAdds,
      };
    },
    paper: () => [],
    check: (live) => live.method.params < 3400,
  },
};
