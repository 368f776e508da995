import type { LessonDef } from './types';

/** Low-rank basis filters [134]: the text; the live parts join when its worked example and knob are wired. */
export const basisFiltersLesson: LessonDef = {
  id: 'basis-filters',
  surveyRef: 134,
  level: 'kernel',
  text: {
    en: {
      title: 'Low-rank basis filters',
      idea: 'Instead of full k×k filters, learn a set of small basis filters of mixed shapes (1×k, k×1, a few k×k) in parallel, concatenate them and combine them with a 1×1 conv. Each output filter is then a learned combination of cheap bases.',
      costs:
        'The parallel bases are a fragmented block (G3) with a concat, and the 1×1 combination adds a layer.',
      task: 'Choose a mix of bases that halves the parameters of the 3×3 conv.',
      knob: 'Basis mix',
    },
    zh: {
      title: '低秩基滤波器',
      idea: '不直接学习完整的 k×k 滤波器，而是并行学习一组形状各异的小型基滤波器（1×k、k×1 和少量 k×k），拼接后再用 1×1 卷积组合。每个输出滤波器都是这些廉价基的线性组合。',
      costs: '并行的基滤波器加一次拼接，使模块碎片化（G3）；1×1 组合又多出一层。',
      task: '选择一种基滤波器组合，使参数量减半。',
      knob: '基滤波器组合',
    },
  },
};
