import { stochasticDepthView } from '../methods/stochastic-depth-method';
import { buildExample } from './example-of';
import { nodeByLabel, totalsSide } from './live';
import type { LessonDef } from './lesson-types';

/** The worked example: L = 6 inverted residuals 32 → 32 (t = 6) at 16×16, then a 10-class classifier. */
const L = 6;
const C = 32;
const HW = 16 * 16;
/** One branch f_l: expand C·6C, depthwise 6C·9, project 6C·C, each over H·W. */
const BRANCH = HW * (C * 6 * C + 6 * C * 9 + 6 * C * C);
/** Outside the branches: the classifier C·10. */
const REST = C * 10;
const round3 = (v: number): number => Math.round(v * 1000) / 1000;

/** Stochastic depth [137]: the idea, and the worked example wired to its knob, formula and task. */
export const stochasticDepthLesson: LessonDef = {
  id: 'stochastic-depth',
  surveyRef: 137,
  level: 'layer',
  text: {
    en: {
      title: 'Stochastic depth',
      idea: 'While training a residual network, drop a random subset of residual blocks in each mini-batch and let the identity shortcut carry the input past them. With survival probabilities decaying linearly with depth, training is faster and the network generalises better; at test time every block runs.',
      costs:
        'Inference costs exactly as much as before: the saving is in expected training multiply-adds, Σ p_l·cost(f_l). The paper scales each branch by p_l at test time; here, as in torchvision, a kept branch is scaled by 1/p_l while training, so inference is the plain network.',
      task: 'Set the last block’s survival probability so that expected training multiply-adds fall by at least a third (the paper’s p_L = 0.5 saves about a quarter in a deep network).',
      knob: 'Survival probability p_L',
    },
    zh: {
      title: '随机深度',
      idea: '训练残差网络时，每个 mini-batch 随机删去一部分残差模块，由恒等捷径把输入直接传过去。存活概率随深度线性递减，训练更快，泛化也更好；测试时所有模块都参与计算。',
      costs:
        '推理代价与原来完全相同：节省的是训练时的期望乘加数 Σ p_l·代价(f_l)。论文在测试时把每个分支乘以 p_l；这里与 torchvision 一样，训练时把保留的分支除以 p_l，因此推理就是原网络。',
      task: '设置最后一个模块的存活概率，使训练期望乘加数至少减少三分之一（论文的 p_L = 0.5 在深层网络中约省四分之一）。',
      knob: '存活概率 p_L',
    },
  },
  live: {
    knob: {
      values: [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2],
      format: (p) => `p_L = ${p}`,
      read: (design) =>
        nodeByLabel(design, `block${L}`) === undefined ? undefined : design.stochasticDepth?.lastSurvival,
      build: (p) => ({ ...buildExample(137), stochasticDepth: { lastSurvival: p } }),
    },
    // Inference (every block) beside the expected training pass: Σ p_l·cost(f_l) + the rest.
    sides(analysis) {
      const sd = analysis.design.stochasticDepth;
      if (sd === undefined) return undefined;
      const v = stochasticDepthView(analysis, sd);
      if (v.blocks.length === 0) return undefined;
      const all = totalsSide(analysis);
      return {
        analysis,
        baseline: all,
        method: {
          params: all.params,
          multiplyAdds: v.expectedTrainingMultiplyAdds,
          memoryAccess: v.expectedTrainingMemoryAccess,
        },
      };
    },
    formula(live) {
      const p = live.analysis.design.stochasticDepth?.lastSurvival;
      if (p === undefined) return undefined;
      const survivors = L - ((1 - p) * (L + 1)) / 2;
      return {
        symbolic: 'E[training] / inference = (f·Σp_l + rest) / (L·f + rest), Σp_l = L − (1 − p_L)(L + 1)/2',
        substituted: `(${BRANCH}·${round3(survivors)} + ${REST}) / (${L}·${BRANCH} + ${REST})`,
        value: (BRANCH * survivors + REST) / (L * BRANCH + REST),
        measured: live.method.multiplyAdds / live.baseline.multiplyAdds,
      };
    },
    // Huang et al. print error rates and training times, not multiply-adds for this configuration.
    paper: () => [],
    check: (live) => live.method.multiplyAdds <= (2 / 3) * live.baseline.multiplyAdds,
  },
};
