import { buildExample } from './example-of';
import { msg } from '../message';
import { layersOf, paramOf, patch } from './live';
import type { LessonDef } from './lesson-types';

const WIDTH = 512;
const convParams = (layers: ReturnType<typeof layersOf>) =>
  layers.filter((l) => l.op === 'Conv2d').reduce((s, l) => s + l.cost.params, 0);

/** MobileNet's depthwise-separable conv [125]: Table 3's 14×14×512 layer. */
export const depthwiseSeparableLesson: LessonDef = {
  id: 'depthwise-separable',
  surveyRef: 125,
  level: 'kernel',
  text: {
    en: {
      title: 'MobileNet depthwise-separable convolution',
      idea: 'A standard conv filters space and mixes channels in one step. MobileNet splits the two: a depthwise 3×3 conv filters each channel on its own, then a pointwise 1×1 conv mixes the channels. The cost falls from Dk²·M·N·DF² to Dk²·M·DF² + M·N·DF², a ratio of 1/N + 1/Dk²: eight to nine times fewer multiply-adds for 3×3 kernels.',
      costs:
        'The depthwise conv does almost no arithmetic but still reads and writes the whole feature map, so its memory access is high for its multiply-adds, and each conv is followed by batch norm and ReLU: element-wise ops that cost memory access and no multiply-adds (G4).',
      task: 'With the width multiplier, bring the separable conv under 15M multiply-adds.',
      knob: 'Width multiplier α',
    },
    zh: {
      title: 'MobileNet 深度可分离卷积',
      idea: '标准卷积在一步里同时做空间滤波和通道混合。MobileNet 把两者拆开：先用逐通道（depthwise）3×3 卷积对每个通道单独滤波，再用逐点（pointwise）1×1 卷积混合通道。计算量从 Dk²·M·N·DF² 降到 Dk²·M·DF² + M·N·DF²，比值为 1/N + 1/Dk²：对 3×3 卷积核，乘加数减少八到九倍。',
      costs:
        '逐通道卷积几乎不做乘法，却仍要读写整张特征图，因此相对其乘加数，内存访问很高；而且每个卷积后面都跟着批归一化和 ReLU：这些逐元素运算只耗内存访问，不贡献乘加（G4）。',
      task: '调节宽度乘子，把可分离卷积的乘加数降到 1500 万以下。',
      knob: '宽度乘子 α',
    },
  },
  live: {
    knob: {
      values: [0.25, 0.5, 0.75, 1],
      format: (a) => `α = ${a}`,
      read: (design) => {
        const n = paramOf(design, 'separable', 'outChannels');
        return n === undefined ? undefined : n / WIDTH;
      },
      build: (a) => {
        const c = Math.round(WIDTH * a);
        return patch(buildExample(125), {
          input: { channels: c },
          conv3x3: { outChannels: c },
          separable: { outChannels: c },
        });
      },
    },
    formula(live) {
      const n = paramOf(live.analysis.design, 'separable', 'outChannels');
      if (n === undefined) return undefined;
      return {
        symbolic: '(Dk²·M·DF² + M·N·DF²) / (Dk²·M·N·DF²) = 1/N + 1/Dk²',
        substituted: `1/${n} + 1/3²`,
        value: 1 / n + 1 / 9,
        measured: live.method.multiplyAdds / live.baseline.multiplyAdds,
      };
    },
    paper: (live, a) => {
      if (a !== 1) return [];
      const source = { ref: 'Howard et al. 2017, MobileNets, Table 3', after: msg('lessonConvsOnly') };
      return [
        {
          quantity: 'multiplyAdds',
          subject: 'conv 3×3',
          paper: 462e6,
          tool: live.baseline.multiplyAdds,
          source,
        },
        {
          quantity: 'params',
          subject: 'conv 3×3',
          paper: 2.36e6,
          tool: convParams(layersOf(live.analysis, 'conv3x3')),
          source,
        },
        {
          quantity: 'multiplyAdds',
          subject: 'separable',
          paper: 52.3e6,
          tool: live.method.multiplyAdds,
          source,
        },
        {
          quantity: 'params',
          subject: 'separable',
          paper: 0.27e6,
          tool: convParams(layersOf(live.analysis, 'separable')),
          source,
        },
      ];
    },
    check: (live) => live.method.multiplyAdds < 15e6,
  },
};
