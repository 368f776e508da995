import type { LessonDef } from './types';

/** Direct sparse convolution [132]: the text; the live parts join when its worked example and knob are wired. */
export const directSparseLesson: LessonDef = {
  id: 'direct-sparse',
  surveyRef: 132,
  level: 'kernel',
  text: {
    en: {
      title: 'Direct sparse convolution',
      idea: 'After pruning, most weights of a conv are zero. Direct sparse convolution multiplies the dense feature map by the sparse kernel directly, stored as CSR, instead of lowering both to dense matrices, so only the non-zeros cost: nnz(W)·H′W′ multiply-adds.',
      costs:
        'The saving needs a sparse kernel: a dense runtime computes the zeros anyway (the exported file costs as much as the dense conv). Storage adds column indices and row pointers beside the values.',
      task: 'Set the density so that the effective multiply-adds fall under a quarter of the dense conv’s.',
      knob: 'Weight density d',
    },
    zh: {
      title: '直接稀疏卷积',
      idea: '剪枝之后，卷积的大部分权重为零。直接稀疏卷积把稠密特征图与以 CSR 格式存储的稀疏卷积核直接相乘，而不是把两者都展开成稠密矩阵，因此只有非零权重产生代价：乘加数为 nnz(W)·H′W′。',
      costs:
        '节省依赖稀疏计算内核：稠密的推理引擎照样计算这些零（导出文件的代价与稠密卷积相同）。存储上，除了数值还要存列索引和行指针。',
      task: '调节密度，使有效乘加数低于稠密卷积的四分之一。',
      knob: '权重密度 d',
    },
  },
};
