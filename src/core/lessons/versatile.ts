import type { LessonDef } from './types';

/** Versatile filters [136]: the text; the live parts join when its worked example and knob are wired. */
export const versatileLesson: LessonDef = {
  id: 'versatile',
  surveyRef: 136,
  level: 'kernel',
  text: {
    en: {
      title: 'Versatile filters',
      idea: 'Each primary filter spawns secondary filters that are masks of it: smaller spatial windows at its centre, or strided subsets of its channels. Only the primary filters are stored, yet the layer gathers features from several receptive fields.',
      costs:
        'Parameters fall, multiply-adds do not: the secondary filters still compute over their own taps, and a dense runtime sees the filters written out in full.',
      task: 'Bring the parameters under half of the plain conv’s with the same output width.',
      knob: 'Secondary filters',
    },
    zh: {
      title: '多用途滤波器',
      idea: '每个主滤波器派生出若干次级滤波器，它们是主滤波器的掩码：中心处更小的空间窗口，或按步长取出的部分通道。只存储主滤波器，却能整合来自不同感受野的特征。',
      costs:
        '参数减少了，乘加数却没有：次级滤波器仍要在各自的位置上计算，稠密推理引擎看到的是完整写出的滤波器。',
      task: '在输出宽度不变的前提下，把参数量降到普通卷积的一半以下。',
      knob: '次级滤波器',
    },
  },
};
