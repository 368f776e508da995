import type { LessonDef } from './types';

/** FLGC: fully learnable group convolution [131]: the text; the live parts join when its worked example and knob are wired. */
export const flgcLesson: LessonDef = {
  id: 'flgc',
  surveyRef: 131,
  level: 'kernel',
  text: {
    en: {
      title: 'FLGC: fully learnable group convolution',
      idea: 'A plain group conv fixes which input channels and which filters belong to each group. FLGC learns both assignments during training, so groups may differ in size and hold the channels that work well together; the cost becomes the sum over groups of |in_g|·|out_g|·k²·H′W′.',
      costs:
        'Unequal groups run as separate convs with a gather before and after: fragmentation (G3) and extra data moves that a fixed group conv does not need.',
      task: 'Give the groups unequal sizes and keep multiply-adds under the equal-group conv’s.',
      knob: 'Group sizes',
    },
    zh: {
      title: 'FLGC：完全可学习的组卷积',
      idea: '普通组卷积事先固定每组包含哪些输入通道和哪些滤波器。FLGC 在训练中同时学习这两种分配，各组大小可以不同，并把配合得好的通道放在一组；代价是各组 |in_g|·|out_g|·k²·H′W′ 之和。',
      costs:
        '大小不等的组要作为多个卷积分别运行，前后还要各做一次通道收集：带来碎片化（G3）和固定组卷积不需要的数据搬运。',
      task: '让各组大小不等，同时乘加数不超过等分组卷积。',
      knob: '各组大小',
    },
  },
};
