import { analyze } from '../analysis/analyze';
import type { Analysis } from '../analysis/analysis-types';
import { smallCnn } from '../examples/small-cnn';
import { splitNetwork } from '../methods/splitnet-method';
import { nodeByLabel, totalsSide } from './live';
import type { LessonDef } from './lesson-types';

/** The small CNN of the network-level examples: convs 3 → 32 → 64 → 64 (3×3; the second strides), then 10 classes. */
const WIDTHS = [3, 32, 64, 64] as const;
const CLASSES = 10;
const GROUPS = 2;

let unsplit: Analysis | undefined;
/** The small CNN before the split: the baseline side. */
const whole = (): Analysis => (unsplit ??= analyze(smallCnn('Small CNN')));

/** The small CNN split into 2 groups after stage k's ReLU (k = 1..3). */
function splitAfter(k: number) {
  const base = smallCnn('Small CNN');
  const r = splitNetwork(base, nodeByLabel(base, `conv${k}_relu`)?.id ?? '', GROUPS);
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

/** The stage the design was split after (its ChannelSplit reads conv{k}_relu), or undefined. */
function splitStage(design: Parameters<typeof nodeByLabel>[0]): number | undefined {
  const split = design.nodes.find((n) => n.kind === 'ChannelSplit');
  const m = split === undefined ? null : /^conv([1-3])_relu_split$/.exec(split.label);
  return m === null || nodeByLabel(design, 'fc_concat') === undefined ? undefined : Number(m[1]);
}

/**
 * Params of the small CNN split after stage k into G groups: stages up to k as they were, every
 * later conv G blocks of (Cin/G)·(Cout/G)·9, batch norms the same 2·C, the classifier G blocks of
 * (C/G)·(K/G) weights and K biases.
 */
function splitParams(k: number, g: number): number {
  let p = 0;
  for (let i = 1; i <= 3; i++) {
    const [cin = 0, c = 0] = [WIDTHS[i - 1], WIDTHS[i]];
    p += (i <= k ? 9 * cin * c : (9 * cin * c) / g) + 2 * c;
  }
  return p + (WIDTHS[3] * CLASSES) / g + CLASSES;
}

/** SplitNet: a tree of disjoint groups [143]: the idea, and the worked example wired to its knob, formula and task. */
export const splitnetLesson: LessonDef = {
  id: 'splitnet',
  surveyRef: 143,
  level: 'network',
  text: {
    en: {
      title: 'SplitNet: a tree of disjoint groups',
      idea: 'SplitNet learns to split a network, from some depth on, into disjoint groups of channels and classes: a tree whose branches share the lower layers. Each branch’s convs and its part of the classifier ignore the other branches, which removes the weights between them and lets branches run on separate devices.',
      costs:
        'Branches cannot exchange information after the split, and the split depth trades parameters against accuracy.',
      task: 'Choose a split depth that removes at least a third of the parameters.',
      knob: 'Split depth',
    },
    zh: {
      title: 'SplitNet：不相交分组的树形网络',
      idea: 'SplitNet 学习从某一深度起把网络分成若干互不相交的通道组和类别组：得到一棵树，各分支共享底层。每个分支的卷积和它那部分分类器不看其他分支，去掉了分支之间的权重，各分支还能在不同设备上并行运行。',
      costs: '分割之后，各分支之间不能再交换信息；分割深度在参数量与准确率之间取舍。',
      task: '选择一个分割深度，至少去掉三分之一的参数。',
      knob: '分割深度',
    },
  },
  live: {
    knob: {
      values: [1, 2, 3],
      format: (k) => `conv${k}`,
      read: splitStage,
      build: splitAfter,
    },
    // The network before the split beside the tree.
    sides(analysis) {
      if (splitStage(analysis.design) === undefined) return undefined;
      return { analysis, baseline: totalsSide(whole()), method: totalsSide(analysis) };
    },
    formula(live) {
      const k = splitStage(live.analysis.design);
      if (k === undefined) return undefined;
      return {
        symbolic: 'split / whole = (Σ_{i≤k} 9·Cin·Cout + Σ_{i>k} 9·Cin·Cout/G + Σ 2·C + C·K/G + K) / params',
        substituted: `${splitParams(k, GROUPS)} / ${splitParams(3, 1)}`,
        value: splitParams(k, GROUPS) / splitParams(3, 1),
        measured: live.method.params / live.baseline.params,
      };
    },
    paper: () => [],
    check: (live) => live.method.params <= (2 / 3) * live.baseline.params,
  },
};
