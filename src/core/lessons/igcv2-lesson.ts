import { buildExample } from './example-of';
import { paramOf, patch } from './live';
import type { LessonDef } from './lesson-types';

/** The example's channels: C = 64 at 32×32. */
const C = 64;
const K_VALUES = [2, 4, 8, 16, 64] as const;

/** L − 1 for K: the fewest group convs with K^(L−1) ≥ C (complementary only when equal). */
const convsFor = (k: number): number => {
  let m = 1;
  for (let v = k; v < C; v *= k) m++;
  return m;
};
const complementary = (k: number, m: number): boolean => k ** m === C;
/** The fewest (L − 1)·K among the complementary choices of the knob: the weights to beat, beside 9C. */
const fewest = Math.min(...K_VALUES.filter((k) => complementary(k, convsFor(k))).map((k) => convsFor(k) * k));

/** IGCV2: interleaved structured sparse convolution [130]: the IGCV2 block beside the dense 3×3 conv. */
export const igcv2Lesson: LessonDef = {
  id: 'igcv2',
  surveyRef: 130,
  level: 'kernel',
  text: {
    en: {
      title: 'IGCV2: interleaved structured sparse convolution',
      idea: 'IGCV2 generalises IGC from two group convs to L: a channel-wise 3×3 conv, then L − 1 group 1×1 convs with K channels per branch, a permutation between each. When K^(L−1) = C, every output reaches every input by exactly one path, so the product of sparse kernels is still dense, for 9C + (L − 1)·C·K weights.',
      costs:
        'Each extra group conv adds a layer and a permutation: more launches and data moves (G3), and every group conv keeps memory access high for its arithmetic (G2).',
      task: 'Pick K and L that meet the complementary condition with the fewest weights.',
      knob: 'Channels per branch K',
    },
    zh: {
      title: 'IGCV2：交错结构化稀疏卷积',
      idea: 'IGCV2 把 IGC 从两次组卷积推广到 L 次：一次逐通道 3×3 卷积，再接 L − 1 次每支 K 个通道的 1×1 组卷积，之间各做一次置换。当 K^(L−1) = C 时，每个输出恰好经一条路径连到每个输入，稀疏卷积核的乘积仍然稠密，而权重只有 9C + (L − 1)·C·K 个。',
      costs:
        '每多一次组卷积就多一层和一次置换：更多的内核启动和数据搬运（G3），每次组卷积的内存访问相对计算都偏高（G2）。',
      task: '选出满足互补条件且权重最少的 K 与 L。',
      knob: '每支通道数 K',
    },
  },
  live: {
    knob: {
      values: K_VALUES,
      format: (k) => `K = ${k}, L − 1 = ${convsFor(k)}`,
      read: (design) => paramOf(design, 'igcv2', 'branchChannels'),
      build: (k) => patch(buildExample(130), { igcv2: { branchChannels: k, groupConvs: convsFor(k) } }),
    },
    formula(live) {
      const k = paramOf(live.analysis.design, 'igcv2', 'branchChannels');
      const m = paramOf(live.analysis.design, 'igcv2', 'groupConvs');
      if (k === undefined || m === undefined) return undefined;
      return {
        symbolic: '(9C + (L−1)·C·K) / 9C²',
        substituted: `(9·${C} + ${m}·${C}·${k}) / (9·${C}²)`,
        value: (9 * C + m * C * k) / (9 * C * C),
        measured: live.method.multiplyAdds / live.baseline.multiplyAdds,
      };
    },
    // Xie et al. print whole networks on CIFAR and ImageNet, no figure for this single block.
    paper: () => [],
    check: (live) => {
      const k = paramOf(live.analysis.design, 'igcv2', 'branchChannels');
      const m = paramOf(live.analysis.design, 'igcv2', 'groupConvs');
      return k !== undefined && m !== undefined && complementary(k, m) && m * k === fewest;
    },
  },
};
