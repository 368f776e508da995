import type { LessonDef } from './types';

/** Stochastic depth [137]: the text; the live parts join when its worked example and knob are wired. */
export const stochasticDepthLesson: LessonDef = {
  id: 'stochastic-depth',
  surveyRef: 137,
  level: 'layer',
  text: {
    en: {
      title: 'Stochastic depth',
      idea: 'While training a residual network, drop a random subset of residual blocks in each mini-batch and let the identity shortcut carry the input past them. With survival probabilities decaying linearly with depth, training is faster and the network generalises better; at test time every block runs.',
      costs:
        'Inference costs exactly as much as before: the saving is in expected training multiply-adds, Σ p_l·cost(f_l), and outputs must be scaled by the survival probability at test time.',
      task: 'Set the last block’s survival probability so that expected training multiply-adds fall by a quarter.',
      knob: 'Survival probability p_L',
    },
    zh: {
      title: '随机深度',
      idea: '训练残差网络时，每个 mini-batch 随机删去一部分残差模块，由恒等捷径把输入直接传过去。存活概率随深度线性递减，训练更快，泛化也更好；测试时所有模块都参与计算。',
      costs:
        '推理代价与原来完全相同：节省的是训练时的期望乘加数 Σ p_l·cost(f_l)；测试时输出要按存活概率缩放。',
      task: '设置最后一个模块的存活概率，使训练期望乘加数减少四分之一。',
      knob: '存活概率 p_L',
    },
  },
};
