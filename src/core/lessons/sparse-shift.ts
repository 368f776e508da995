import type { LessonDef } from './types';

/** Sparse shift layer [142]: the text; the live parts join when its worked example and knob are wired. */
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
};
