import { buildExample } from './example-of';
import { paramOf, patch, presetRows } from './live';
import type { LessonDef } from './lesson-types';

const D = 24;

/** MobileNetV2's inverted residual [126], beside the V1 separable conv of the same width. */
export const invertedResidualLesson: LessonDef = {
  id: 'inverted-residual',
  surveyRef: 126,
  level: 'kernel',
  text: {
    en: {
      title: 'MobileNetV2 inverted residual',
      idea: 'MobileNetV2 puts a 1×1 conv that expands the channels t times before the depthwise conv, and a linear 1×1 projection (no ReLU) after it, with the shortcut joining the thin ends. The depthwise filters work on a wide tensor, yet only the narrow bottleneck travels between blocks. At equal width a block costs more than V1’s separable conv; the network saves by making its bottlenecks far thinner.',
      costs:
        'The expanded tensor is t times wider than the block’s input and output: activation memory and memory access grow with t. The 1×1 convs map d′ → t·d′ and back, unequal widths (G1), and the shortcut add is an element-wise op (G4).',
      task: 'Find the largest expansion t that keeps the block under 20M multiply-adds.',
      knob: 'Expansion t',
    },
    zh: {
      title: 'MobileNetV2 倒残差结构',
      idea: 'MobileNetV2 在逐通道卷积之前加一个把通道扩展 t 倍的 1×1 卷积，之后接一个线性（不带 ReLU）的 1×1 投影，残差连接把两端的窄张量连起来。逐通道滤波在宽张量上进行，而模块之间只传递窄的瓶颈。同样宽度下，一个模块比 V1 的可分离卷积更贵；整个网络靠更窄的瓶颈省下计算。',
      costs:
        '扩展后的张量比模块输入输出宽 t 倍：激活内存和内存访问随 t 增长。两个 1×1 卷积在 d′ 与 t·d′ 之间映射，宽度不等（G1）；残差相加是逐元素运算（G4）。',
      task: '找出能让模块乘加数保持在 2000 万以下的最大扩展倍数 t。',
      knob: '扩展倍数 t',
    },
  },
  live: {
    knob: {
      values: [2, 3, 4, 5, 6, 8, 10],
      format: (t) => `t = ${t}`,
      read: (design) => paramOf(design, 'inverted_residual', 'expansion'),
      build: (t) => patch(buildExample(126), { inverted_residual: { expansion: t } }),
    },
    formula(live) {
      const t = paramOf(live.analysis.design, 'inverted_residual', 'expansion');
      if (t === undefined) return undefined;
      return {
        symbolic: 'h·w·d′·t·(d′ + k² + d″) / (h·w·(k²·d′ + d′·d″)) = t·(d′ + k² + d″) / (k² + d″)',
        substituted: `${t}·(${D} + 3² + ${D}) / (3² + ${D})`,
        value: (t * (D + 9 + D)) / (9 + D),
        measured: live.method.multiplyAdds / live.baseline.multiplyAdds,
      };
    },
    paper: () => presetRows('mobilenet_v2', 'MobileNetV2 1.0, 224', { width: 1, resolution: 224 }),
    check: (live) =>
      live.method.multiplyAdds < 20e6 &&
      (paramOf(live.analysis.design, 'inverted_residual', 'expansion') ?? 0) >= 4,
  },
};
