import { effectiveTotals } from '../analysis/effective-totals';
import { nonZeros } from '../ops/sparse';
import { buildExample } from './example-of';
import { layersOf, paramOf, patch } from './live';
import type { LessonDef, Live } from './lesson-types';

/** The example's conv: AlexNet conv3's shape, 256 → 384, 3×3 at 13×13. */
const WEIGHTS = 384 * 256 * 9;

/** The sparse side's effective (sparse-kernel) multiply-adds, as the analysis measured them. */
const effectiveMultiplyAdds = (live: Live): number =>
  effectiveTotals(layersOf(live.analysis, 'sparse_conv3')).multiplyAdds;

/** Direct sparse convolution [132]: a pruned conv computed from its CSR form beside the same conv dense. */
export const directSparseLesson: LessonDef = {
  id: 'direct-sparse',
  surveyRef: 132,
  level: 'kernel',
  text: {
    en: {
      title: 'Direct sparse convolution',
      idea: 'After pruning, most weights of a conv are zero. Direct sparse convolution multiplies the dense feature map by the sparse kernel directly, stored as CSR, instead of lowering both to dense matrices, so only the non-zeros cost: nnz(W)·H′W′ multiply-adds.',
      costs:
        'The saving needs a sparse kernel: a dense runtime computes the zeros anyway (the exported file costs as much as the dense conv). Storage adds column indices and row pointers beside the values.',
      task: 'Set the density so that the effective multiply-adds fall under a quarter of the dense conv’s.',
      knob: 'Weight density d',
    },
    zh: {
      title: '直接稀疏卷积',
      idea: '剪枝之后，卷积的大部分权重为零。直接稀疏卷积把稠密特征图与以 CSR 格式存储的稀疏卷积核直接相乘，而不是把两者都展开成稠密矩阵，因此只有非零权重产生代价：乘加数为 nnz(W)·H′W′。',
      costs:
        '节省依赖稀疏计算内核：稠密的推理引擎照样计算这些零（导出文件的代价与稠密卷积相同）。存储上，除了数值还要存列索引和行指针。',
      task: '调节密度，使有效乘加数低于稠密卷积的四分之一。',
      knob: '权重密度 d',
    },
  },
  live: {
    knob: {
      values: [0.1, 0.2, 0.25, 0.3, 0.5, 0.75, 1],
      format: (d) => `d = ${d}`,
      read: (design) => paramOf(design, 'sparse_conv3', 'density'),
      build: (d) => patch(buildExample(132), { sparse_conv3: { density: d } }),
    },
    formula(live) {
      const d = paramOf(live.analysis.design, 'sparse_conv3', 'density');
      if (d === undefined) return undefined;
      return {
        symbolic: "nnz·H'W' / (Cout·Cin·k²·H'W') = nnz / weights, nnz = round(d · weights)",
        substituted: `round(${d}·${WEIGHTS.toLocaleString('en-US')}) / ${WEIGHTS.toLocaleString('en-US')}`,
        value: nonZeros(WEIGHTS, d) / WEIGHTS,
        measured: effectiveMultiplyAdds(live) / live.baseline.multiplyAdds,
      };
    },
    // Park et al. print speed-ups of pruned AlexNet layers on CPUs, not multiply-adds of a density set by hand.
    paper: () => [],
    check: (live) => effectiveMultiplyAdds(live) < live.baseline.multiplyAdds / 4,
  },
};
