import type { LessonDef } from './types';

/** MorphNet: shrink and expand [144]: the text; the live parts join when its worked example and knob are wired. */
export const morphnetLesson: LessonDef = {
  id: 'morphnet',
  surveyRef: 144,
  level: 'network',
  text: {
    en: {
      title: 'MorphNet: shrink and expand',
      idea: 'MorphNet alternates two steps: shrink, where a sparsity penalty weighted by each layer’s cost drives the least useful channels to zero and removes them; and expand, where a width multiplier grows every layer uniformly back to the budget. Layers with more important channels end up wider.',
      costs:
        'Each cycle needs training; the resulting widths are irregular, which can break the equal-width guideline (G1).',
      task: 'Fit the network to a budget of 60% of its multiply-adds.',
      knob: 'Width multiplier',
    },
    zh: {
      title: 'MorphNet：收缩与扩展',
      idea: 'MorphNet 交替进行两步：收缩阶段，用按各层代价加权的稀疏正则项把最没用的通道压到零并删除；扩展阶段，用宽度乘子把所有层统一放大，直到用满预算。重要通道多的层最终更宽。',
      costs: '每个循环都需要训练；得到的宽度不规则，可能违背等宽准则（G1）。',
      task: '把网络调整到原乘加数的 60% 预算之内。',
      knob: '宽度乘子',
    },
  },
};
