import type { LessonDef } from './types';

/** LCCL: low-cost collaborative layer [138]: the text; the live parts join when its worked example and knob are wired. */
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
      task: 'Find the zero ratio at which the pair costs half of the main conv alone.',
      knob: 'Zero ratio z',
    },
    zh: {
      title: 'LCCL：低成本协同层',
      idea: '为每个卷积层配一个廉价的 1×1 卷积，预测哪些位置经过 ReLU 后会变成零；测试时主卷积跳过这些位置。零越多，昂贵的卷积计算越少。',
      costs:
        '稠密推理引擎仍会计算每个位置；节省需要能跳过预测零点的计算内核。额外的层和门控乘法增加内存访问（G4）。',
      task: '找出使两者合计代价为主卷积一半的零比例。',
      knob: '零比例 z',
    },
  },
};
