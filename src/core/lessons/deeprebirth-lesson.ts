import type { Design, DesignNode } from '../design/design-types';
import { buildExample } from './example-of';
import { nodeByLabel, totalsSide } from './live';
import { analyze } from '../analysis/analyze';
import type { Analysis } from '../analysis/analysis-types';
import type { LessonDef } from './lesson-types';

/** The worked example: conv → BN → ReLU three times at 32×32, widths 3 → 16 → 32 → 32. */
const WIDTHS = [3, 16, 32, 32] as const;
const HW = 32 * 32;
const STAGES = 3;

/** The example with the first `k` batch norms folded into their convs (removed; the conv gets a bias). */
function folded(k: number): Design {
  const d = buildExample(139);
  const gone = new Map<string, string>(); // batch norm id → its conv's id
  for (let i = 1; i <= k; i++) {
    const bn = nodeByLabel(d, `bn${i}`);
    const conv = nodeByLabel(d, `conv${i}`);
    if (bn !== undefined && conv !== undefined) gone.set(bn.id, conv.id);
  }
  const convs = new Set(gone.values());
  return {
    ...d,
    nodes: d.nodes
      .filter((n) => !gone.has(n.id))
      .map((n) => (convs.has(n.id) ? ({ ...n, params: { ...n.params, bias: true } } as DesignNode) : n)),
    edges: d.edges
      .filter((e) => !gone.has(e.to.node))
      .map((e) => {
        const conv = gone.get(e.from.node);
        return conv === undefined ? e : { ...e, from: { node: conv, port: 0 } };
      }),
  };
}

/** How many stages, from the first, have their batch norm folded; undefined for another design. */
function foldedStages(design: Design): number | undefined {
  let k = 0;
  for (let i = 1; i <= STAGES; i++) {
    const conv = nodeByLabel(design, `conv${i}`);
    if (conv?.kind !== 'Conv2d' || nodeByLabel(design, `relu${i}`) === undefined) return undefined;
    const bn = nodeByLabel(design, `bn${i}`) !== undefined;
    if (bn === conv.params.bias) return undefined;
    if (!bn) {
      if (k !== i - 1) return undefined;
      k = i;
    }
  }
  return k;
}

let trained: Analysis | undefined;
/** The example as trained (nothing folded): the baseline side. */
const asTrained = (): Analysis => (trained ??= analyze(buildExample(139)));

/** The element-wise share of memory access (batch norms and ReLUs) as the analysis counts it. */
function measuredShare(analysis: Analysis): number {
  const elementwise = analysis.layers
    .filter((l) => l.op === 'BatchNorm' || l.op === 'ReLU')
    .reduce((s, l) => s + l.cost.memoryAccess, 0);
  return elementwise / analysis.totals.memoryAccess;
}

/** Closed form of the element-wise share of memory access with k batch norms folded. */
function elementwiseShare(k: number): { value: number; substituted: string } {
  let conv = 0;
  let bn = 0;
  let relu = 0;
  for (let i = 1; i <= STAGES; i++) {
    const [cin = 0, c = 0] = [WIDTHS[i - 1], WIDTHS[i]];
    conv += cin * HW + c * HW + 9 * cin * c + (i <= k ? c : 0);
    if (i > k) bn += 2 * c * HW + 2 * c;
    relu += 2 * c * HW;
  }
  return {
    value: (bn + relu) / (conv + bn + relu),
    substituted: `(${bn} + ${relu}) / (${conv} + ${bn} + ${relu})`,
  };
}

/** DeepRebirth: merging non-weight layers [139]: the idea, and the worked example wired to its knob, formula and task. */
export const deeprebirthLesson: LessonDef = {
  id: 'deeprebirth',
  surveyRef: 139,
  level: 'layer',
  text: {
    en: {
      title: 'DeepRebirth: merging non-weight layers',
      idea: 'Layers without weights, such as batch norm, activations and pooling, do no multiply-adds but take much of the running time on a phone. DeepRebirth merges them into the neighbouring conv or fully connected layers, so the network runs as fewer, heavier layers.',
      costs:
        'Folding changes nothing in the arithmetic of a trained model but needs retraining where the merge is not exact; the deploy graph no longer matches the training graph.',
      task: 'Fold the batch norms into their convs until element-wise memory access (batch norm, ReLU) is under 55% of the total; a runtime that also fuses the activations (the Cost tab’s deploy view) takes it to 0.',
      knob: 'Batch norms folded',
    },
    zh: {
      title: 'DeepRebirth：合并非权重层',
      idea: '批归一化、激活、池化等不含权重的层不做乘加，却占去手机上大量运行时间。DeepRebirth 把它们合并进相邻的卷积层或全连接层，网络以更少、更重的层运行。',
      costs: '对训练好的模型，折叠不改变计算结果，但合并不精确时需要重新训练；部署图不再与训练图一致。',
      task: '把批归一化折叠进卷积，直到逐元素运算（批归一化、ReLU）的内存访问低于总量的 55%；再把激活也融合进去的运行时（代价面板的部署视图）可把它降到 0。',
      knob: '已折叠的批归一化',
    },
  },
  live: {
    knob: {
      values: [0, 1, 2, 3],
      format: (k) => `${k} / ${STAGES}`,
      read: foldedStages,
      build: folded,
    },
    // The model as trained beside the live design, batch norms folded as far as the knob says.
    sides(analysis) {
      if (foldedStages(analysis.design) === undefined) return undefined;
      return { analysis, baseline: totalsSide(asTrained()), method: totalsSide(analysis) };
    },
    formula(live) {
      const k = foldedStages(live.analysis.design);
      if (k === undefined) return undefined;
      const { value, substituted } = elementwiseShare(k);
      return {
        symbolic:
          'element-wise share of memory access = (MA(BN) + MA(ReLU)) / MA(all); MA(BN) = 2·C·HW + 2·C, MA(ReLU) = 2·C·HW',
        substituted,
        value,
        measured: measuredShare(live.analysis),
      };
    },
    paper: () => [],
    check: (live) => foldedStages(live.analysis.design) !== undefined && measuredShare(live.analysis) < 0.55,
  },
};
