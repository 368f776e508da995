import type { LessonDef } from './types';

/** NestedNet: nested sparse networks [145]: the text; the live parts join when its worked example and knob are wired. */
export const nestednetLesson: LessonDef = {
  id: 'nestednet',
  surveyRef: 145,
  level: 'network',
  text: {
    en: {
      title: 'NestedNet: nested sparse networks',
      idea: 'NestedNet keeps several networks in one: each level uses a prefix of the next level’s channels, so the small network’s weights are shared by the large one in a network-in-network way. The low levels learn what is common; the higher levels add task-specific detail. One set of weights serves several budgets.',
      costs:
        'Parameters are stored once, but each level costs its own multiply-adds when run, and training must balance all levels.',
      task: 'Find the lowest level whose multiply-adds fit under a quarter of the full network’s.',
      knob: 'Nested level',
    },
    zh: {
      title: 'NestedNet：嵌套稀疏网络',
      idea: 'NestedNet 在一个网络里保存多个网络：每个层次使用下一层次通道的一个前缀，小网络的权重以 Network in Network 的方式被大网络共享。低层次学习公共知识，高层次补充特定任务的知识。一套权重对应多种预算。',
      costs: '参数只存一份，但每个层次运行时各有各的乘加数；训练时还要兼顾所有层次。',
      task: '找出乘加数不超过完整网络四分之一的最低层次。',
      knob: '嵌套层次',
    },
  },
};
