import type { LessonDef } from './types';

/** LCNN: lookup-based convolution [135]: the text; the live parts join when its worked example and knob are wired. */
export const lcnnLesson: LessonDef = {
  id: 'lcnn',
  surveyRef: 135,
  level: 'kernel',
  text: {
    en: {
      title: 'LCNN: lookup-based convolution',
      idea: 'LCNN builds, for each layer, a small dictionary of vectors; every filter is a combination of a few dictionary entries. The input is convolved with the whole dictionary once, and each filter’s result is read from those products by lookups and a few weighted sums.',
      costs:
        'The saving needs lookups instead of a dense conv: as exported, the dictionary conv and the sparse combination run as ordinary convs. Indices must be stored beside the coefficients.',
      task: 'Set the dictionary size and lookups so that the effective cost falls under a third of the dense conv’s.',
      knob: 'Dictionary size k',
    },
    zh: {
      title: 'LCNN：基于查表的卷积',
      idea: 'LCNN 为每一层构建一个小字典，每个滤波器都是字典中少数几个向量的线性组合。输入只需与整个字典卷积一次，每个滤波器的结果通过查表和少量加权求和得到。',
      costs: '节省依赖查表而非稠密卷积：导出后，字典卷积和稀疏组合都作为普通卷积运行。除系数外还要存储索引。',
      task: '调节字典大小和查表次数，使有效代价低于稠密卷积的三分之一。',
      knob: '字典大小 k',
    },
  },
};
