import type { LessonDef } from './types';

/** SplitNet: a tree of disjoint groups [143]: the text; the live parts join when its worked example and knob are wired. */
export const splitnetLesson: LessonDef = {
  id: 'splitnet',
  surveyRef: 143,
  level: 'network',
  text: {
    en: {
      title: 'SplitNet: a tree of disjoint groups',
      idea: 'SplitNet learns to split a network, from some depth on, into disjoint groups of channels and classes: a tree whose branches share the lower layers. Each branch’s convs and its part of the classifier ignore the other branches, which removes the weights between them and lets branches run on separate devices.',
      costs:
        'Branches cannot exchange information after the split, and the split depth trades parameters against accuracy.',
      task: 'Choose the split depth that removes a third of the parameters.',
      knob: 'Split depth',
    },
    zh: {
      title: 'SplitNet：不相交分组的树形网络',
      idea: 'SplitNet 学习从某一深度起把网络分成若干互不相交的通道组和类别组：得到一棵树，各分支共享底层。每个分支的卷积和它那部分分类器不看其他分支，去掉了分支之间的权重，各分支还能在不同设备上并行运行。',
      costs: '分割之后，各分支之间不能再交换信息；分割深度在参数量与准确率之间取舍。',
      task: '选择一个分割深度，去掉三分之一的参数。',
      knob: '分割深度',
    },
  },
};
