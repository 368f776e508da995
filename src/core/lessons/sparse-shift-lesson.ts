import type { Design } from '../design/design-types';
import { movedShare, spreadShiftMask } from '../examples/sparse-shift';
import { buildExample } from './example-of';
import { layersOf, nodeByLabel, patch } from './live';
import type { LessonDef } from './lesson-types';

/** The share of channels the example's hand-set mask moves (its fraction when it has no mask). */
function fractionOf(design: Design): number | undefined {
  const node = nodeByLabel(design, 'sparse_shift');
  if (node?.kind !== 'SparseShift') return undefined;
  return node.params.shifts === undefined ? node.params.fraction : movedShare(node.params.shifts);
}

/** The worked example: 1×1 → shift → 1×1 over 64 channels at 16×16, all moving beside a fraction moving. */
const C = 64;
const HW = 16 * 16;

/** Sparse shift layer [142]: the idea, and the worked example wired to its knob, formula and task. */
export const sparseShiftLesson: LessonDef = {
  id: 'sparse-shift',
  surveyRef: 142,
  level: 'layer',
  text: {
    en: {
      title: 'Sparse shift layer',
      idea: 'Most channels need no shift at all. The sparse shift layer learns which channels to move and leaves the rest in place, so a basic block is just 1×1 convs with a few shifts between them.',
      costs:
        'Fewer shifts mean fewer data moves, but the channels that do move still cost memory access without arithmetic (G4).',
      task: 'Shift at most a fifth of the channels and keep the block’s receptive field growing.',
      knob: 'Shifted fraction',
    },
    zh: {
      title: '稀疏移位层',
      idea: '大多数通道其实不需要移位。稀疏移位层学习哪些通道需要移动，其余保持不动，因此一个基本块只由 1×1 卷积和中间少量移位组成。',
      costs: '移位越少，数据搬运越少；但真正移动的通道仍然有内存访问而无计算（G4）。',
      task: '最多移动五分之一的通道，同时保持模块的感受野增长。',
      knob: '移位通道比例',
    },
  },
  live: {
    knob: {
      values: [0, 0.125, 0.25, 0.5, 0.75, 1],
      format: (f) => `${f * 100}%`,
      read: fractionOf,
      build: (f) =>
        patch(buildExample(142), { sparse_shift: { shifts: spreadShiftMask(C, Math.round(f * C)) } }),
    },
    formula(live) {
      const f = fractionOf(live.analysis.design);
      const sparse = layersOf(live.analysis, 'sparse_shift')[0];
      const full = layersOf(live.analysis, 'shift')[0];
      if (f === undefined || sparse === undefined || full === undefined) return undefined;
      const moved = Math.floor(f * C + 0.5);
      return {
        symbolic: 'memory access of the sparse shift / the shift = 2·⌊f·C⌉·HW / (2·C·HW)',
        substituted: `2·${moved}·${HW} / (2·${C}·${HW})`,
        value: moved / C,
        measured: sparse.cost.memoryAccess / full.cost.memoryAccess,
      };
    },
    paper: () => [],
    // At most a fifth of the channels move, and some do (else the block sees no neighbours).
    check: (live) => {
      const f = fractionOf(live.analysis.design);
      if (f === undefined) return false;
      const moved = Math.floor(f * C + 0.5);
      return moved > 0 && moved <= C / 5;
    },
  },
};
