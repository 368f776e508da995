import { buildExample } from './example-of';
import { layersOf, paramOf, patch, presetRows } from './live';
import type { LessonDef } from './lesson-types';

/** Stage-2 widths of the 0.5×, 1×, 1.5× and 2× networks, and their presets. */
const widths: Readonly<Record<number, { readonly scale: string; readonly preset: string }>> = {
  48: { scale: '0.5×', preset: 'shufflenet_v2_x0_5' },
  116: { scale: '1×', preset: 'shufflenet_v2_x1_0' },
  176: { scale: '1.5×', preset: 'shufflenet_v2_x1_5' },
  244: { scale: '2×', preset: 'shufflenet_v2_x2_0' },
};

/** ShuffleNetV2's unit [128]: channel split, equal-width dense 1×1 convs, beside V1's g = 3 unit. */
export const shufflenetV2Lesson: LessonDef = {
  id: 'shufflenet-v2',
  surveyRef: 128,
  level: 'kernel',
  text: {
    en: {
      title: 'ShuffleNetV2: channel split',
      idea: 'ShuffleNetV2 judges a design by memory access and speed, not multiply-adds alone, and draws four guidelines: equal channel widths (G1), few groups (G2), little fragmentation (G3), few element-wise ops (G4). Its unit splits the channels in two: one half passes untouched, the other goes through dense 1×1 convs of equal width and a depthwise 3×3; a concat and a shuffle join them. For a 1×1 conv, memory access hw(c₁ + c₂) + c₁c₂ is least, at given multiply-adds, when c₁ = c₂.',
      costs:
        'The split, the concat and the shuffle move data without arithmetic, and half of the channels skip each unit’s convs, so the network needs more units to mix them. The depthwise conv still has low arithmetic per memory access.',
      task: 'Bring the V2 unit under 4M multiply-adds.',
      knob: 'Network width',
    },
    zh: {
      title: 'ShuffleNetV2：通道分割',
      idea: 'ShuffleNetV2 不只看乘加数，而是以内存访问和实际速度评价设计，并总结出四条准则：输入输出通道相等（G1）、少用组卷积（G2）、减少碎片化（G3）、减少逐元素运算（G4）。它的单元把通道一分为二：一半原样通过，另一半经过等宽的普通 1×1 卷积和逐通道 3×3 卷积，最后拼接并混洗。对 1×1 卷积而言，乘加数一定时，内存访问 hw(c₁ + c₂) + c₁c₂ 在 c₁ = c₂ 时最小。',
      costs:
        '分割、拼接和混洗只搬运数据、不做计算；每个单元中一半通道不经过卷积，网络需要更多单元才能把它们混合起来。逐通道卷积的计算量相对内存访问依然很低。',
      task: '把 V2 单元的乘加数降到 400 万以下。',
      knob: '网络宽度',
    },
  },
  live: {
    knob: {
      values: [48, 116, 176, 244],
      format: (c) => `${widths[c]?.scale ?? ''} (${c})`,
      read: (design) => paramOf(design, 'v2_unit', 'outChannels'),
      build: (c) => patch(buildExample(128), { v2_unit: { outChannels: c } }),
    },
    formula(live) {
      // The main branch's first 1×1 conv (the stride-2 unit: 24 → c/2 at 56×56); its MAC against
      // the G1 bound, which equal widths would reach at the same multiply-adds.
      const pw = layersOf(live.analysis, 'v2_unit').find((l) => l.name.endsWith('/pw1'));
      const out = pw?.outputShapes[0];
      const c1 = pw?.inputShapes[0]?.[1];
      if (pw === undefined || out === undefined || c1 === undefined) return undefined;
      const c2 = out[1] ?? 0;
      const hw = (out[2] ?? 0) * (out[3] ?? 0);
      return {
        symbolic: 'MAC = hw(c₁ + c₂) + c₁c₂ ≥ 2√(hw·B) + B/hw, B = hw·c₁c₂',
        substituted: `${hw}·(${c1} + ${c2}) + ${c1}·${c2}`,
        value: hw * (c1 + c2) + c1 * c2,
        measured: pw.cost.memoryAccessConvFc,
      };
    },
    paper: (_live, c) => {
      const w = widths[c];
      return w === undefined ? [] : presetRows(w.preset, `ShuffleNetV2 ${w.scale}`, {});
    },
    check: (live) => live.method.multiplyAdds < 4e6,
  },
};
