import { analyze } from '../analysis/analyze';
import type { Analysis, LayerInfo } from '../analysis/analysis-types';
import { flattenStages } from '../design/stage-edit';
import type { StochasticDepthSettings } from '../design/design-types';
import { fmt } from '../ops/op-common';
import type { FormulaLine } from '../ops/op-types';

/**
 * Stochastic depth (Huang et al. 2016, "Deep networks with stochastic depth", survey ref. 137).
 *
 * During training each residual block l survives a mini-batch with probability p_l; a dropped
 * block is the identity. The paper's linear-decay rule: p_l = 1 − (l/L)·(1 − p_L), l = 1..L over
 * the residual blocks in execution order, p_L = 0.5 by default. Expected training multiply-adds:
 * Σ p_l·cost(f_l) + everything outside the residual branches. Inference runs every block.
 *
 * Inference convention (chosen here, stated in the formula, the ONNX metadata and the PyTorch
 * export): torchvision's — the branch is scaled by 1/p_l while training, so at inference the block
 * is x + f(x), unscaled, and the exported graph is the plain network. The paper instead multiplies
 * the branch by p_l at test time; the two are the same function once p_l is folded into the
 * branch's last weights.
 */
export const STOCHASTIC_DEPTH_CONVENTION =
  "inference runs every block unscaled: x + f(x); training drops f with probability 1 − p and scales a kept f by 1/p (torchvision's StochasticDepth, mode 'row'); the paper's test-time p·f(x) is the same function with p folded into f's last weights";

export const DEFAULT_LAST_SURVIVAL = 0.5;

/** One block with an identity residual: the Add reads the block's own input. */
export interface ResidualBlock {
  readonly nodeId: string;
  readonly label: string;
  /** 1-based position among the residual blocks, in execution order. */
  readonly index: number;
  /** Multiply-adds of the residual branch f_l (the block's layers before its Add). */
  readonly branchMultiplyAdds: number;
  /** Memory access of the same layers. */
  readonly branchMemoryAccess: number;
  readonly survival: number;
  /** 'linear' when the decay rule gives p_l, 'set' when the design sets it for this block. */
  readonly rule: 'linear' | 'set';
}

export interface StochasticDepthView {
  readonly blocks: readonly ResidualBlock[];
  readonly lastSurvival: number;
  /** The inference figure: every block runs (the design's own multiply-adds). */
  readonly inferenceMultiplyAdds: number;
  /** Σ p_l·cost(f_l) + the rest: what a training forward pass costs on average. */
  readonly expectedTrainingMultiplyAdds: number;
  /** Σ p_l·MA(f_l) + the rest: memory access of a training forward pass on average. */
  readonly expectedTrainingMemoryAccess: number;
  /** Σ p_l: the expected number of residual blocks that run in training. */
  readonly expectedBlocks: number;
  readonly formulas: readonly FormulaLine[];
}

/** p_l = 1 − (l/L)·(1 − p_L). */
export const linearDecay = (l: number, count: number, lastSurvival: number): number =>
  1 - (l / count) * (1 - lastSurvival);

/**
 * The index of the Add in `layers` that adds the block's input to its branch, or -1: an Add with an
 * input tensor no layer of the block produced (tensor ids are unique, views reuse their input's).
 */
function identityAdd(layers: readonly LayerInfo[]): number {
  const produced = new Set<number>();
  for (const l of layers) for (const t of l.outputTensors) produced.add(t);
  return layers.findIndex((l) => l.op === 'Add' && l.inputTensors.some((t) => !produced.has(t)));
}

interface RawBlock {
  readonly nodeId: string;
  readonly label: string;
  /** Multiply-adds and memory access of the residual branch (the block's layers before its Add). */
  readonly branch: number;
  readonly branchMemoryAccess: number;
}

/**
 * The design's blocks with an identity residual, in execution order, with their branch costs. A
 * stage counts as its units (ids `stage/unit`, as the PyTorch export names them): each unit with
 * an identity residual is a block of its own.
 */
export function residualBlocks(staged: Analysis): RawBlock[] {
  const analysis = staged.design.nodes.some((n) => n.kind === 'Stage')
    ? analyze(flattenStages(staged.design))
    : staged;
  const out: RawBlock[] = [];
  for (const id of analysis.order) {
    const node = analysis.design.nodes.find((n) => n.id === id);
    const info = analysis.nodes.get(id);
    if (node === undefined || info === undefined || info.outputShapes === undefined) continue;
    const [start, end] = info.layers;
    if (end - start < 2) continue; // a primitive op, not a block
    const layers = analysis.layers.slice(start, end);
    const add = identityAdd(layers);
    if (add < 0) continue;
    const inBranch = layers.slice(0, add);
    const branch = inBranch.reduce((s, l) => s + l.cost.multiplyAdds, 0);
    const branchMemoryAccess = inBranch.reduce((s, l) => s + l.cost.memoryAccess, 0);
    out.push({ nodeId: id, label: node.label, branch, branchMemoryAccess });
  }
  return out;
}

export function stochasticDepthView(
  analysis: Analysis,
  settings: StochasticDepthSettings = { lastSurvival: DEFAULT_LAST_SURVIVAL },
): StochasticDepthView {
  const found = residualBlocks(analysis);
  const count = found.length;
  const blocks = found.map((b, i): ResidualBlock => {
    const set = settings.survival?.[b.nodeId];
    return {
      nodeId: b.nodeId,
      label: b.label,
      index: i + 1,
      branchMultiplyAdds: b.branch,
      branchMemoryAccess: b.branchMemoryAccess,
      survival: set ?? linearDecay(i + 1, count, settings.lastSurvival),
      rule: set === undefined ? 'linear' : 'set',
    };
  });
  const inference = analysis.totals.multiplyAdds;
  const dropped = blocks.reduce((s, b) => s + (1 - b.survival) * b.branchMultiplyAdds, 0);
  const expected = inference - dropped;
  const rest = inference - blocks.reduce((s, b) => s + b.branchMultiplyAdds, 0);
  const expectedBlocks = blocks.reduce((s, b) => s + b.survival, 0);
  const terms = blocks
    .slice(0, 4)
    .map((b) => `${round3(b.survival)}·${fmt(b.branchMultiplyAdds)}`)
    .join(' + ');
  return {
    blocks,
    lastSurvival: settings.lastSurvival,
    inferenceMultiplyAdds: inference,
    expectedTrainingMultiplyAdds: expected,
    expectedTrainingMemoryAccess:
      analysis.totals.memoryAccess - blocks.reduce((s, b) => s + (1 - b.survival) * b.branchMemoryAccess, 0),
    expectedBlocks,
    formulas: [
      {
        figure: 'multiplyAdds',
        symbolic: 'p_l = 1 − (l/L)·(1 − p_L), unless set for the block',
        substituted: `L = ${count}, p_L = ${settings.lastSurvival}`,
      },
      {
        figure: 'multiplyAdds',
        symbolic: 'expected training multiply-adds = Σ p_l·cost(f_l) + outside the residual branches',
        substituted: `${terms}${blocks.length > 4 ? ' + …' : ''} + ${fmt(rest)} = ${fmt(Math.round(expected))}`,
      },
      {
        figure: 'multiplyAdds',
        symbolic: `inference multiply-adds (every block runs; ${STOCHASTIC_DEPTH_CONVENTION.split(';')[0] ?? ''})`,
        substituted: fmt(inference),
      },
    ],
  };
}

const round3 = (v: number): string => String(Math.round(v * 1000) / 1000);

/** The survival probabilities as the ONNX metadata and the PyTorch export state them. */
export function describeStochasticDepth(view: StochasticDepthView): string {
  const list = view.blocks.map((b) => `${b.label}=${round3(b.survival)}`).join(', ');
  return `survival p_L = ${view.lastSurvival}, linear decay over ${view.blocks.length} residual blocks (${list}); ${STOCHASTIC_DEPTH_CONVENTION}`;
}
