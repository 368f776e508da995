import { buildExample } from './example-of';
import { paramOf, patch } from './live';
import type { LessonDef } from './lesson-types';

/** The worked example: a 3×3 conv 64 → 64 beside a shift block (1×1 to ⌊C·e⌋, shift, 1×1 back). */
const C = 64;

/** Shift: a zero-FLOP spatial convolution [141]: the idea, and the worked example wired to its knob, formula and task. */
export const shiftLesson: LessonDef = {
  id: 'shift',
  surveyRef: 141,
  level: 'layer',
  text: {
    en: {
      title: 'Shift: a zero-FLOP spatial convolution',
      idea: 'Replace the spatial k×k conv with a shift: each channel’s feature map moves by one fixed offset, with no parameters and no multiply-adds, and 1×1 convs before and after mix the shifted channels. All the arithmetic is in the 1×1 convs.',
      costs:
        'A shift still reads and writes the whole feature map: memory access without arithmetic (G4), and runtimes without a shift op run it as slices and concats or as a one-hot depthwise conv.',
      task: 'Replace the 3×3 conv and bring multiply-adds under a fifth of it.',
      knob: 'Expansion e (shifted width ⌊C·e⌋)',
    },
    zh: {
      title: '移位：零计算量的空间卷积',
      idea: '用移位取代 k×k 空间卷积：每个通道的特征图按一个固定偏移平移，没有参数也没有乘加，前后的 1×1 卷积负责混合移位后的通道。全部计算都在 1×1 卷积中。',
      costs:
        '移位仍要读写整张特征图：有内存访问而无计算（G4）；不支持移位算子的推理引擎只能用切片加拼接，或用独热的逐通道卷积来实现。',
      task: '替换 3×3 卷积，把乘加数降到它的五分之一以下。',
      knob: '扩展倍数 e（移位宽度 ⌊C·e⌋）',
    },
  },
  live: {
    knob: {
      values: [0.25, 0.5, 0.75, 1, 2, 3],
      format: (e) => `e = ${e}`,
      read: (design) => paramOf(design, 'shift_block', 'expansion'),
      build: (e) => patch(buildExample(141), { shift_block: { expansion: e } }),
    },
    formula(live) {
      const e = paramOf(live.analysis.design, 'shift_block', 'expansion');
      if (e === undefined) return undefined;
      const m = Math.floor(C * e);
      return {
        symbolic: 'shift block / 3×3 conv = 2·C·⌊C·e⌋ / (9·C·C)',
        substituted: `2·${C}·${m} / (9·${C}·${C})`,
        value: (2 * C * m) / (9 * C * C),
        measured: live.method.multiplyAdds / live.baseline.multiplyAdds,
      };
    },
    paper: () => [],
    check: (live) => live.method.multiplyAdds < live.baseline.multiplyAdds / 5,
  },
};
