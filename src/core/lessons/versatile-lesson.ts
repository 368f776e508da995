import { effectiveTotals } from '../analysis/effective-totals';
import { msg } from '../message';
import { buildExample } from './example-of';
import { layersOf, nodeByLabel, paramOf, patch } from './live';
import type { LessonDef } from './lesson-types';
import { versatileResNet50 } from './versatile-resnet50';

const C = 64;
const COUT = 64;
/** The channel stride of the lesson's channel versatile filters: δ = g·(n − 1). */
const G = 8;
/** The 3×3 primary filters' spatial secondaries: ⌈3/2⌉. */
const S = 2;

/** n, the channel secondary filters per mask, of the example's versatile conv (1 when δ = 0). */
function channelSecondaries(design: Parameters<typeof paramOf>[0]): number | undefined {
  if (nodeByLabel(design, 'versatile')?.kind !== 'VersatileConv') return undefined;
  const delta = paramOf(design, 'versatile', 'channelDelta') ?? 0;
  const g = paramOf(design, 'versatile', 'channelStride') ?? 1;
  return delta / g + 1;
}

let resnet: ReturnType<typeof versatileResNet50> | undefined;

/** Versatile filters [136]: spatial secondaries of 3×3 primaries, then channel secondaries (knob n). */
export const versatileLesson: LessonDef = {
  id: 'versatile',
  surveyRef: 136,
  level: 'kernel',
  text: {
    en: {
      title: 'Versatile filters',
      idea: 'Each primary filter spawns secondary filters that are masks of it: smaller spatial windows at its centre, or strided subsets of its channels. Only the primary filters are stored, yet the layer gathers features from several receptive fields.',
      costs:
        'Parameters fall, multiply-adds do not: the secondary filters still compute over their own taps, and a dense runtime sees the filters written out in full.',
      task: 'Bring the parameters under half of the plain conv’s with the same output width.',
      knob: 'Secondary filters',
    },
    zh: {
      title: '多功能滤波器',
      idea: '每个主滤波器派生出若干次级滤波器，它们是主滤波器的掩码：中心处更小的空间窗口，或按步长取出的部分通道。只存储主滤波器，却能整合来自不同感受野的特征。',
      costs:
        '参数减少了，乘加数却没有：次级滤波器仍要在各自的位置上计算，稠密推理引擎看到的是完整写出的滤波器。',
      task: '在输出宽度不变的前提下，把参数量降到普通卷积的一半以下。',
      knob: '次级滤波器',
    },
  },
  live: {
    knob: {
      // n channel secondary filters per spatial mask: 1 is spatial versatile filters only.
      values: [1, 2, 4, 8],
      format: (n) => `n = ${n}, δ = ${G * (n - 1)}, g = ${G}`,
      read: channelSecondaries,
      build: (n) => patch(buildExample(136), { versatile: { channelDelta: G * (n - 1), channelStride: G } }),
    },
    formula(live) {
      const n = channelSecondaries(live.analysis.design);
      if (n === undefined) return undefined;
      const stored = effectiveTotals(layersOf(live.analysis, 'versatile')).params;
      return {
        symbolic: 'P·c·d² / (Cout·c·d²) = 1 / (s·n), P = Cout/(s·n)',
        substituted: `1 / (${S}·${n})`,
        value: 1 / (S * n),
        measured: stored / (9 * C * COUT),
      };
    },
    paper: (_live, n) => {
      if (n !== 1) return [];
      resnet ??= versatileResNet50();
      const source = { ref: 'Wang et al. 2018', after: msg('lessonVersatileResNet') };
      return [
        {
          quantity: 'params',
          subject: 'Versatile-ResNet-50',
          paper: (75.6 * 2 ** 20) / 4,
          tool: resnet.params,
          source,
        },
        {
          quantity: 'multiplyAdds',
          subject: 'Versatile-ResNet-50',
          paper: 3.2e9,
          tool: resnet.multiplyAdds,
          source,
        },
      ];
    },
    check: (live) => live.method.params < live.baseline.params / 2,
  },
};
