import { buildExample } from './example-of';
import { paramOf, patch } from './live';
import type { LessonDef } from './lesson-types';

const CIN = 96;
const E1 = 64;
const E3 = 64;

/** SqueezeNet's Fire module [124]: fire2 beside the 3×3 conv to the same 128 channels. */
export const fireLesson: LessonDef = {
  id: 'fire',
  surveyRef: 124,
  level: 'kernel',
  text: {
    en: {
      title: 'SqueezeNet Fire module',
      idea: 'A 3×3 conv pays for every input channel at nine taps. Fire first squeezes the input to a few channels with 1×1 convs, then expands again with a mix of 1×1 and 3×3 filters whose outputs are concatenated. Most filters become 1×1 (nine times cheaper), and the 3×3 filters see only the squeezed channels.',
      costs:
        'Two parallel expand paths and a concat make the block fragmented (G3): two small convs where one big one would keep a GPU busier, and the concat moves every output element once more. The squeeze layer is a narrow 1×1 conv, far from equal in and out widths (G1).',
      task: 'Bring the Fire module under 8,000 parameters (the paper’s fire2 has 11,920).',
      knob: 'Squeeze channels s',
    },
    zh: {
      title: 'SqueezeNet 的 Fire 模块',
      idea: '3×3 卷积的每个输入通道都要乘九个位置。Fire 模块先用 1×1 卷积把输入“挤压”成少量通道，再用 1×1 与 3×3 两种滤波器“扩展”回来，把两路输出拼接。大部分滤波器变成了 1×1（代价只有九分之一），而 3×3 滤波器只看挤压后的少数通道。',
      costs:
        '两条并行的扩展支路加一次拼接，让模块变得碎片化（G3）：两个小卷积不如一个大卷积能让 GPU 吃满，拼接还要把每个输出元素再搬一次。挤压层是很窄的 1×1 卷积，输入输出宽度相差悬殊（G1）。',
      task: '把 Fire 模块的参数量降到 8,000 以下（论文中的 fire2 为 11,920）。',
      knob: '挤压通道数 s',
    },
  },
  live: {
    knob: {
      values: [4, 8, 12, 16, 24, 32, 48, 64],
      format: (s) => `s = ${s}`,
      read: (design) => paramOf(design, 'fire2', 'squeeze'),
      build: (s) => patch(buildExample(124), { fire2: { squeeze: s } }),
    },
    formula(live) {
      const s = paramOf(live.analysis.design, 'fire2', 'squeeze');
      if (s === undefined) return undefined;
      const value = (CIN * s + s * E1 + 9 * s * E3) / (9 * CIN * (E1 + E3));
      return {
        symbolic: '(Cin·s + s·e₁ + 9·s·e₃) / (9·Cin·(e₁ + e₃))',
        substituted: `(${CIN}·${s} + ${s}·${E1} + 9·${s}·${E3}) / (9·${CIN}·(${E1} + ${E3}))`,
        value,
        measured: live.method.multiplyAdds / live.baseline.multiplyAdds,
      };
    },
    paper: (live, s) =>
      s === 16
        ? [
            {
              quantity: 'params',
              subject: 'fire2',
              paper: 11920,
              tool: live.method.params,
              source: { ref: 'Iandola et al. 2016, SqueezeNet, Table 1' },
            },
          ]
        : [],
    check: (live) => live.method.params < 8000,
  },
};
