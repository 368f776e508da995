import type { Design } from '../design/design-types';
import { FLGC_EXAMPLE, flgcFilterSizes, interleavedGroups } from '../examples/flgc-example';
import { buildExample } from './example-of';
import { layersOf, nodeByLabel, patch } from './live';
import type { LessonDef, Live } from './lesson-types';

const { channels: C, groups: G } = FLGC_EXAMPLE;
/** The filters the two wide groups each get; the two narrow ones get 32 − f. */
const FILTERS = [4, 8, 12, 16, 20, 24, 28] as const;

/** A group-number list of the node labelled `label`, if it has one. */
function listOf(design: Design, label: string, key: string): readonly number[] | undefined {
  const v: unknown = (nodeByLabel(design, label)?.params as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(v) && v.every((x) => typeof x === 'number') ? v : undefined;
}

/** |in_g| and |out_g| of the example's FLGC, from its lists. */
function sizesOf(design: Design): { ins: number[]; outs: number[] } | undefined {
  const ins = listOf(design, 'flgc', 'channelGroups');
  const outs = listOf(design, 'flgc', 'filterGroups');
  if (ins === undefined || outs === undefined || ins.length === 0 || outs.length === 0) return undefined;
  const count = (list: readonly number[]) =>
    Array.from({ length: G }, (_, g) => list.filter((v) => v === g).length);
  return { ins: count(ins), outs: count(outs) };
}

/** The equal group conv's multiply-adds, as the analysis measured them. */
const groupConvMultiplyAdds = (live: Live): number =>
  layersOf(live.analysis, 'group_conv3x3').reduce((s, l) => s + l.cost.multiplyAdds, 0);

/** FLGC: fully learnable group convolution [131]: learned groups beside the equal group conv and the dense conv. */
export const flgcLesson: LessonDef = {
  id: 'flgc',
  surveyRef: 131,
  level: 'kernel',
  text: {
    en: {
      title: 'FLGC: fully learnable group convolution',
      idea: 'A plain group conv fixes which input channels and which filters belong to each group. FLGC learns both assignments during training, so groups may differ in size and hold the channels that work well together; the cost becomes the sum over groups of |in_g|·|out_g|·k²·H′W′.',
      costs:
        'Unequal groups run as separate convs with a gather before and after: fragmentation (G3) and extra data moves that a fixed group conv does not need.',
      task: 'Training left the input groups at 24, 24, 8 and 8 channels. Share the 64 filters among the groups so that the FLGC costs fewer multiply-adds than the equal group conv.',
      knob: 'Filters in each wide group',
    },
    zh: {
      title: 'FLGC：完全可学习的组卷积',
      idea: '普通组卷积事先固定每组包含哪些输入通道和哪些滤波器。FLGC 在训练中同时学习这两种分配，各组大小可以不同，并把配合得好的通道放在一组；代价是各组 |in_g|·|out_g|·k²·H′W′ 之和。',
      costs:
        '大小不等的组要作为多个卷积分别运行，前后还要各做一次通道收集：带来碎片化（G3）和固定组卷积不需要的数据搬运。',
      task: '训练后各组的输入通道数为 24、24、8、8。在各组之间分配 64 个滤波器，使 FLGC 的乘加数低于等分组卷积。',
      knob: '每个宽组的滤波器数',
    },
  },
  live: {
    knob: {
      values: FILTERS,
      format: (f) => `${f}/${f}/${32 - f}/${32 - f}`,
      read: (design) => {
        const s = sizesOf(design);
        const f = s?.outs[0];
        return f !== undefined && s?.outs.join() === flgcFilterSizes(f).join() ? f : undefined;
      },
      build: (f) =>
        patch(buildExample(131), { flgc: { filterGroups: interleavedGroups(flgcFilterSizes(f)) } }),
    },
    formula(live) {
      const s = sizesOf(live.analysis.design);
      if (s === undefined) return undefined;
      const pairs = s.ins.map((n, g) => `${n}·${s.outs[g] ?? 0}`).join(' + ');
      const sum = s.ins.reduce((a, n, g) => a + n * (s.outs[g] ?? 0), 0);
      return {
        symbolic: 'Σ_g |in_g|·|out_g| / (C·N/G): FLGC over the equal group conv',
        substituted: `(${pairs}) / (${C}·${C}/${G})`,
        value: sum / ((C * C) / G),
        measured: live.method.multiplyAdds / groupConvMultiplyAdds(live),
      };
    },
    // Wang et al. print whole networks (accuracy at a FLOPs budget), no figure for one layer like this.
    paper: () => [],
    check: (live) => {
      const s = sizesOf(live.analysis.design);
      const unequal = s !== undefined && [...s.ins, ...s.outs].some((n) => n !== s.ins[0]);
      return unequal && live.method.multiplyAdds < groupConvMultiplyAdds(live);
    },
  },
};
