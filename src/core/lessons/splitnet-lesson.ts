import { analyze } from '../analysis/analyze';
import type { Analysis } from '../analysis/analysis-types';
import { smallCnn } from '../examples/small-cnn';
import { SPLITNET_EXAMPLE_CLASSES } from '../examples/splitnet';
import { splitTree } from '../methods/splitnet-method';
import { nodeByLabel, totalsSide } from './live';
import type { LessonDef } from './lesson-types';

/** The small CNN of the network-level examples: convs 3 → 32 → 64 → 64 (3×3; the second strides), then 10 classes. */
const WIDTHS = [3, 32, 64, 64] as const;
const CLASSES = 10;
/** The tree: 2 groups at the first split, each split in 2 again one stage later (2 → 4). */
const TREE = [2, 2] as const;
const LEAVES = TREE[0] * TREE[1];

let unsplit: Analysis | undefined;
/** The small CNN before the split: the baseline side. */
const whole = (): Analysis => (unsplit ??= analyze(smallCnn('Small CNN')));

/** The small CNN as a 2 → 4 tree: 2 groups after stage k's ReLU, 4 after the next stage's (or the flatten). */
function treeAfter(k: number) {
  const base = smallCnn('Small CNN');
  const id = (label: string): string => nodeByLabel(base, label)?.id ?? '';
  const r = splitTree(
    base,
    [
      { at: id(`conv${k}_relu`), groups: TREE[0] },
      { at: id(k < 3 ? `conv${k + 1}_relu` : 'flatten'), groups: TREE[1] },
    ],
    SPLITNET_EXAMPLE_CLASSES,
  );
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

/** The stage of the tree's first split (its ChannelSplit reads conv{k}_relu), or undefined. */
function splitStage(design: Parameters<typeof nodeByLabel>[0]): number | undefined {
  const labels = design.nodes.filter((n) => n.kind === 'ChannelSplit').map((n) => n.label);
  const m = labels.map((l) => /^conv([1-3])_relu_split$/.exec(l)).find((x) => x !== null);
  return m === undefined || labels.length !== 1 + TREE[0] || nodeByLabel(design, 'fc_classes') === undefined
    ? undefined
    : Number(m[1]);
}

/**
 * Params of the small CNN as a 2 → 4 tree from stage k: a conv split into g groups keeps g blocks
 * of (Cin/g)·(Cout/g)·9 = 9·Cin·Cout/g, with g = 1 up to stage k, 2 for the next stage, 4 after;
 * batch norms the same 2·C; the classifier 4 leaves of (C/4)·|classes| weights, K biases.
 */
function treeParams(k: number): number {
  let p = 0;
  for (let i = 1; i <= 3; i++) {
    const [cin = 0, c = 0] = [WIDTHS[i - 1], WIDTHS[i]];
    const g = i <= k ? 1 : i === k + 1 ? TREE[0] : LEAVES;
    p += (9 * cin * c) / g + 2 * c;
  }
  return p + (WIDTHS[3] * CLASSES) / LEAVES + CLASSES;
}
const wholeParams = (): number => {
  let p = 0;
  for (let i = 1; i <= 3; i++) p += 9 * (WIDTHS[i - 1] ?? 0) * (WIDTHS[i] ?? 0) + 2 * (WIDTHS[i] ?? 0);
  return p + WIDTHS[3] * CLASSES + CLASSES;
};

/** SplitNet: a tree of disjoint groups [143]: the idea, and the worked example wired to its knob, formula and task. */
export const splitnetLesson: LessonDef = {
  id: 'splitnet',
  surveyRef: 143,
  level: 'network',
  text: {
    en: {
      title: 'SplitNet: a tree of disjoint groups',
      idea: 'SplitNet learns to split a network into a tree of disjoint groups of channels and classes: a few groups at a lower layer, each split again higher up, the branches sharing the layers below. Each branch’s convs and its part of the classifier ignore the other branches, which removes the weights between them (a layer in g groups keeps 1/g of its weights) and lets branches run on separate devices. Which classes each leaf predicts is the class-to-group assignment; here vehicles and animals part first, then airplane and ship, car and truck, bird, deer and frog, cat, dog and horse.',
      costs:
        'Branches cannot exchange information after the split, so classes that need the same features should share a branch; the split depth trades parameters against accuracy.',
      task: 'Choose a split depth that removes at least a third of the parameters.',
      knob: 'Depth of the first split',
    },
    zh: {
      title: 'SplitNet：不相交分组的树形网络',
      idea: 'SplitNet 学习把网络拆成一棵由互不相交的通道组和类别组构成的树：在较低的层分成少数几组，每组在更高的层再拆分，各分支共享下面的层。每个分支的卷积和它那部分分类器不看其他分支，去掉了分支之间的权重（分成 g 组的层只保留 1/g 的权重），各分支还能在不同设备上并行运行。每个叶子预测哪些类别，就是类别到组的分配；这里先分开交通工具和动物，再分成飞机和船、汽车和卡车、鸟鹿蛙、猫狗马。',
      costs:
        '分割之后，各分支之间不能再交换信息，所以需要相同特征的类别应放在同一分支；分割深度在参数量与准确率之间取舍。',
      task: '选择一个分割深度，至少去掉三分之一的参数。',
      knob: '第一次分割的深度',
    },
  },
  live: {
    knob: {
      values: [1, 2, 3],
      format: (k) => `conv${k}`,
      read: splitStage,
      build: treeAfter,
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
        symbolic:
          'tree / whole = (Σ_i 9·Cin·Cout/g_i + Σ 2·C + C·K/4 + K) / params, g_i = 1 up to k, 2 at k+1, 4 after',
        substituted: `${treeParams(k)} / ${wholeParams()}`,
        value: treeParams(k) / wholeParams(),
        measured: live.method.params / live.baseline.params,
      };
    },
    paper: () => [],
    check: (live) => live.method.params <= (2 / 3) * live.baseline.params,
  },
};
