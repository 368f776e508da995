import type { LessonDef } from './types';

/** DeepRebirth: merging non-weight layers [139]: the text; the live parts join when its worked example and knob are wired. */
export const deeprebirthLesson: LessonDef = {
  id: 'deeprebirth',
  surveyRef: 139,
  level: 'layer',
  text: {
    en: {
      title: 'DeepRebirth: merging non-weight layers',
      idea: 'Layers without weights, such as batch norm, activations and pooling, do no multiply-adds but take much of the running time on a phone. DeepRebirth merges them into the neighbouring conv or fully connected layers, so the network runs as fewer, heavier layers.',
      costs:
        'Folding changes nothing in the arithmetic of a trained model but needs retraining where the merge is not exact; the deploy graph no longer matches the training graph.',
      task: 'Fold batch norm and activations and bring element-wise memory access under a tenth of the total.',
      knob: 'Folding',
    },
    zh: {
      title: 'DeepRebirth：合并非权重层',
      idea: '批归一化、激活、池化等不含权重的层不做乘加，却占去手机上大量运行时间。DeepRebirth 把它们合并进相邻的卷积层或全连接层，网络以更少、更重的层运行。',
      costs: '对训练好的模型，折叠不改变计算结果，但合并不精确时需要重新训练；部署图不再与训练图一致。',
      task: '折叠批归一化和激活，使逐元素运算的内存访问低于总量的十分之一。',
      knob: '折叠',
    },
  },
};
