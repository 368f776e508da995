import type { Design } from '../design/design-types';
import { deepRebirthDesign, REBIRTH_PREFIX } from '../examples/deeprebirth';
import type { LessonDef } from './lesson-types';

/**
 * The worked example: conv1 3×3 (3 → 16) → BN → ReLU → 2×2/2 pool at 32×32, three 1×1 branches
 * (8, 16, 8) and their Concat, conv2 3×3 (32 → 32) → ReLU; the method side with 0, 1 or 2 merges.
 */
const CIN = 3;
const C1 = 16;
const BRANCHES = [8, 16, 8] as const;
const C2 = 32;
const HW = 32 * 32;

const has = (design: Design, label: string): boolean => design.nodes.some((n) => n.label === label);

/**
 * How many merges the baseline side shows (its pool first, then its branches), with the method
 * side merged in full; undefined for another design.
 */
function mergesApplied(design: Design): 0 | 1 | 2 | undefined {
  const right = (label: string) => has(design, `${REBIRTH_PREFIX}${label}`);
  if (!['conv1', 'branch1', 'conv2'].every((l) => has(design, l) && right(l))) return undefined;
  if (right('pool1') || right('concat')) return undefined;
  const pool = has(design, 'pool1');
  const concat = has(design, 'concat');
  if (pool && concat) return 0;
  if (!pool && concat) return 1;
  if (!pool && !concat) return 2;
  return undefined;
}

/**
 * Closed form of one side's memory access with k merges (docs/costs.md: a conv moves input +
 * output + weights, batch norm input + output + 2C, ReLU, pooling and Concat input + output).
 */
function mergedMemoryAccess(k: number): number {
  const hw1 = k >= 1 ? HW / 4 : HW; // where conv1, BN and ReLU run: the pooled size once merged
  const hw = HW / 4;
  const width = BRANCHES.reduce((s, c) => s + c, 0);
  let ma = CIN * HW + C1 * hw1 + 9 * CIN * C1; // conv1
  ma += 2 * C1 * hw1 + 2 * C1 + 2 * C1 * hw1; // BN, ReLU
  if (k < 1) ma += C1 * HW + C1 * hw; // the pool
  if (k < 2) {
    for (const c of BRANCHES) ma += C1 * hw + c * hw + C1 * c;
    ma += 2 * width * hw; // the Concat
  } else ma += C1 * hw + width * hw + C1 * width;
  return ma + width * hw + C2 * hw + 9 * width * C2 + 2 * C2 * hw; // conv2, ReLU
}

/** DeepRebirth: merging non-weight layers [139]: the idea, and the worked example wired to its knob, formula and task. */
export const deeprebirthLesson: LessonDef = {
  id: 'deeprebirth',
  surveyRef: 139,
  level: 'layer',
  text: {
    en: {
      title: 'DeepRebirth: merging non-weight layers',
      idea: 'Layers without weights, such as pooling, normalisation and concatenation, do no multiply-adds but take much of the running time on a phone. DeepRebirth merges them into the weight layers beside them: a pool after a conv becomes the conv’s stride (streamline merge), and parallel branches with their concatenation become one wider conv (branch merge).',
      costs:
        'A conv that takes its pool’s stride computes a different function: the paper retrains each merged layer. Branch merging of equal-geometry convs is exact; the paper also slims the merged branch, which needs retraining too.',
      task: 'Merge the network as trained (the baseline side) as the method side is merged: select its pool, then its Concat, and merge each from the Inspector (or turn the knob), until both sides move the same memory.',
      knob: 'Merges applied to the baseline',
    },
    zh: {
      title: 'DeepRebirth：合并非权重层',
      idea: '池化、归一化、拼接等不含权重的层不做乘加，却占去手机上大量运行时间。DeepRebirth 把它们合并进相邻的权重层：卷积后的池化变成该卷积的步长（流线合并），并行分支连同拼接变成一个更宽的卷积（分支合并）。',
      costs:
        '接过池化步长的卷积计算的是另一个函数：论文对每个合并后的层重新训练。几何相同的卷积分支合并是精确的；论文还会精简合并后的分支，这同样需要重新训练。',
      task: '像方法一侧那样合并训练时的网络（基线一侧）：先选中它的池化层，再选中它的拼接层，各在属性面板里合并（或转动旋钮），直到两侧的内存访问量相同。',
      knob: '基线一侧已做的合并',
    },
  },
  live: {
    knob: {
      values: [0, 1, 2],
      format: (k) => `${k} / 2`,
      read: mergesApplied,
      build: (k) => deepRebirthDesign(k === 2 ? 2 : k === 1 ? 1 : 0),
    },
    formula(live) {
      const k = mergesApplied(live.analysis.design);
      if (k === undefined) return undefined;
      const left = mergedMemoryAccess(k);
      const right = mergedMemoryAccess(2);
      return {
        symbolic: 'MA(baseline) / MA(merged), conv1·BN·ReLU at HW/s², the pool and the Concat gone',
        substituted: `${left} / ${right}`,
        value: left / right,
        measured: live.baseline.memoryAccess / live.method.memoryAccess,
      };
    },
    paper: () => [],
    check: (live) =>
      mergesApplied(live.analysis.design) === 2 && live.baseline.memoryAccess === live.method.memoryAccess,
  },
};
