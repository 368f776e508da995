import { buildExample } from './example-of';
import { paramOf, patch, presetRows } from './live';
import type { LessonDef } from './lesson-types';

const C = 240;
const M = 60;

/** ShuffleNet's unit [127] (pointwise group convs and a channel shuffle) beside ResNet's bottleneck. */
export const shufflenetLesson: LessonDef = {
  id: 'shufflenet',
  surveyRef: 127,
  level: 'kernel',
  text: {
    en: {
      title: 'ShuffleNet: pointwise group conv and channel shuffle',
      idea: 'Once the 3×3 conv is depthwise, the 1×1 convs hold almost all of a bottleneck’s cost. ShuffleNet splits them into g groups, dividing their cost by g, and shuffles the channels between the two group convs so that information still flows across groups. Per unit: hw(2cm/g + 9m) multiply-adds against ResNet’s hw(2cm + 9m²).',
      costs:
        'Group convs save multiply-adds but not memory access: at equal multiply-adds, more groups mean more memory access (G2). The shuffle is a pure data move, and the shortcut add and activations are element-wise (G4).',
      task: 'Bring the ShuffleNet unit under 7M multiply-adds.',
      knob: 'Groups g',
    },
    zh: {
      title: 'ShuffleNet：逐点组卷积与通道混洗',
      idea: '当 3×3 卷积变成逐通道卷积后，瓶颈结构的代价几乎全在 1×1 卷积上。ShuffleNet 把它们分成 g 组，代价除以 g；并在两次组卷积之间混洗通道，让信息仍能跨组流动。每个单元的乘加数为 hw(2cm/g + 9m)，而 ResNet 瓶颈为 hw(2cm + 9m²)。',
      costs:
        '组卷积省下乘加，却省不下内存访问：乘加数相同时，组数越多，内存访问越多（G2）。通道混洗纯粹是搬运数据，残差相加和激活都是逐元素运算（G4）。',
      task: '把 ShuffleNet 单元的乘加数降到 700 万以下。',
      knob: '组数 g',
    },
  },
  live: {
    knob: {
      values: [1, 2, 3, 4, 6, 12],
      format: (g) => `g = ${g}`,
      read: (design) => paramOf(design, 'shuffle_unit', 'groups'),
      build: (g) => patch(buildExample(127), { shuffle_unit: { groups: g } }),
    },
    formula(live) {
      const g = paramOf(live.analysis.design, 'shuffle_unit', 'groups');
      if (g === undefined) return undefined;
      return {
        symbolic: 'hw(2cm/g + 9m) / hw(2cm + 9m²)',
        substituted: `(2·${C}·${M}/${g} + 9·${M}) / (2·${C}·${M} + 9·${M}²)`,
        value: ((2 * C * M) / g + 9 * M) / (2 * C * M + 9 * M * M),
        measured: live.method.multiplyAdds / live.baseline.multiplyAdds,
      };
    },
    paper: (_live, g) =>
      presetRows('shufflenet_v1', `ShuffleNet 1× (g = ${g})`, { groups: g, width: 1 }, ['Linear']),
    check: (live) => live.method.multiplyAdds < 7e6,
  },
};
