import { lcclView } from '../methods/lccl-method';
import { buildExample } from './example-of';
import { liveOf, paramOf, patch } from './live';
import type { LessonDef } from './lesson-types';

/** The worked example: a 3×3 conv 64 → 64 beside the same conv with its 1×1 collaborative layer. */
const C = 64;

/** LCCL: low-cost collaborative layer [138]: the idea, and the worked example wired to its knob, formula and task. */
export const lcclLesson: LessonDef = {
  id: 'lccl',
  surveyRef: 138,
  level: 'layer',
  text: {
    en: {
      title: 'LCCL: low-cost collaborative layer',
      idea: 'Beside each conv sits a cheap 1×1 conv that predicts which output positions will be zero after ReLU; at test time the main conv skips those positions. The more zeros, the less the expensive conv computes.',
      costs:
        'A dense runtime computes every position anyway; the saving needs a kernel that skips the predicted zeros. The extra layer and the gating multiply add memory access (G4).',
      task: 'Find a zero ratio at which the pair’s effective multiply-adds are at most half of the main conv alone.',
      knob: 'Zero ratio z',
    },
    zh: {
      title: 'LCCL：低成本协同层',
      idea: '为每个卷积层配一个廉价的 1×1 卷积，预测哪些位置经过 ReLU 后会变成零；测试时主卷积跳过这些位置。零越多，昂贵的卷积计算越少。',
      costs:
        '稠密推理引擎仍会计算每个位置；节省需要能跳过预测零点的计算内核。额外的层和门控乘法增加内存访问（G4）。',
      task: '找出一个零比例，使两者合计的有效乘加数不超过主卷积单独代价的一半。',
      knob: '零比例 z',
    },
  },
  live: {
    knob: {
      values: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
      format: (z) => `z = ${z}`,
      read: (design) => paramOf(design, 'lccl', 'zeroRatio'),
      build: (z) => patch(buildExample(138), { lccl: { zeroRatio: z } }),
    },
    // The method's side as the method counts it, as the other lessons do (a sparse conv's, a lookup conv's):
    // the main conv computes only the (1 − z) of positions the collaborative layer does not predict zero.
    sides(analysis) {
      const live = liveOf(analysis);
      const row = lcclView(analysis).rows[0];
      if (live === undefined || row === undefined) return live;
      const multiplyAdds = live.method.multiplyAdds - row.asExported + Math.round(row.effective);
      return { ...live, method: { ...live.method, multiplyAdds } };
    },
    formula(live) {
      const row = lcclView(live.analysis).rows[0];
      if (row === undefined) return undefined;
      const z = row.zeroRatio;
      return {
        symbolic: 'effective / main = (C·C + (1 − z)·9·C·C) / (9·C·C) = 1/9 + (1 − z)',
        substituted: `(${C}·${C} + (1 − ${z})·9·${C}·${C}) / (9·${C}·${C})`,
        value: 1 / 9 + (1 - z),
        measured: row.effective / live.baseline.multiplyAdds,
      };
    },
    // Dong et al. report speed-ups on whole ResNets, not this single layer.
    paper: () => [],
    check: (live) => {
      const row = lcclView(live.analysis).rows[0];
      return row !== undefined && row.effective <= 0.5 * live.baseline.multiplyAdds;
    },
  },
};
