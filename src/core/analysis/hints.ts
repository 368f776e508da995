import type { Conv2dParams } from '../ops/conv2d';
import { msg, problemMessage, type Message } from '../message';
import { opsWithTrait } from '../kinds';
import type { Analysis, LayerInfo } from './analysis-types';

/**
 * The four practical guidelines of ShuffleNetV2 (Ma et al. 2018, section 2), checked on a design.
 * Each hint says what it found and what it costs in memory access, computed from the design.
 */
export type Guideline = 'G1' | 'G2' | 'G3' | 'G4';

export interface Hint {
  readonly guideline: Guideline;
  /** Top-level node the hint is about (absent for design-wide hints). */
  readonly nodeId?: string;
  /** The primitive layer's key (LayerInfo.key), when the hint is about one. */
  readonly layer?: string;
  readonly message: string;
  /** The same sentence as a key and its values, for a UI that translates it. */
  readonly text: Message;
  /** Memory access (elements) that following the guideline would save at equal multiply-adds. */
  readonly memoryAccessSaving: number;
}

export const guidelineTitles: Readonly<Record<Guideline, string>> = {
  G1: 'Equal channel width minimises memory access',
  G2: 'Excessive group convolution increases memory access',
  G3: 'Network fragmentation reduces parallelism',
  G4: 'Element-wise operations are non-negligible',
};

/** G4's element-wise ops: those whose definitions say they are. */
const ELEMENTWISE: ReadonlySet<string> = opsWithTrait('elementwise');
/** Below this share of a layer's memory access, a G1 or G2 hint is noise. */
const MIN_SAVING_SHARE = 0.05;

/** A share in whole percent, as the sentences write it ("30" in "30%"). */
const pct = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((100 * part) / whole));

function pointwise(l: LayerInfo): { c1: number; c2: number; hw: number; g: number } | undefined {
  if (l.op !== 'Conv2d') return undefined;
  const p = l.params as Conv2dParams;
  if (p.kernel[0] !== 1 || p.kernel[1] !== 1) return undefined;
  const out = l.outputShapes[0] ?? [];
  const c1 = l.inputShapes[0]?.[1] ?? 0;
  return { c1, c2: p.outChannels, hw: (out[2] ?? 0) * (out[3] ?? 0), g: p.groups };
}

/** G1: a 1×1 conv with c1 ≠ c2. At the same multiply-adds B = hw·c1·c2, MAC is least at c1 = c2 = √(c1c2). */
function g1(l: LayerInfo): Hint | undefined {
  const pw = pointwise(l);
  if (pw === undefined || pw.g !== 1 || pw.c1 === pw.c2) return undefined;
  const now = pw.hw * (pw.c1 + pw.c2) + pw.c1 * pw.c2;
  const c = Math.sqrt(pw.c1 * pw.c2);
  const best = pw.hw * 2 * c + pw.c1 * pw.c2;
  const saving = Math.round(now - best);
  if (saving < MIN_SAVING_SHARE * now) return undefined;
  return {
    guideline: 'G1',
    nodeId: l.nodeId,
    layer: l.key,
    ...problemMessage(
      msg('hintG1', {
        layer: l.name,
        c1: pw.c1,
        c2: pw.c2,
        c: Math.round(c),
        saving,
        share: pct(saving, now),
      }),
    ),
    memoryAccessSaving: saving,
  };
}

/** G2: a 1×1 group conv. At fixed B and c1, MAC = hw·c1 + B·g/c1 + B/hw grows with g; g = 1 saves B(g−1)/c1. */
function g2(l: LayerInfo): Hint | undefined {
  const pw = pointwise(l);
  if (pw === undefined || pw.g === 1) return undefined;
  const b = l.cost.multiplyAdds;
  const now = l.cost.memoryAccessConvFc;
  const saving = Math.round((b * (pw.g - 1)) / Math.max(1, pw.c1));
  if (saving < MIN_SAVING_SHARE * now) return undefined;
  return {
    guideline: 'G2',
    nodeId: l.nodeId,
    layer: l.key,
    ...problemMessage(msg('hintG2', { layer: l.name, groups: pw.g, saving, share: pct(saving, now) })),
    memoryAccessSaving: saving,
  };
}

/** G3: a block with parallel convolution paths. Counted as the widest set of primitives with no path between them. */
function g3(analysis: Analysis): Hint[] {
  const hints: Hint[] = [];
  for (const [nodeId, info] of analysis.nodes) {
    const layers = analysis.layers.slice(info.layers[0], info.layers[1]);
    if (layers.length < 2) continue;
    const branches = layers.filter((l) => l.op === 'Conv2d').length;
    const width = parallelWidth(layers);
    if (width < 2) continue;
    const glue = layers
      .filter((l) => l.op === 'Concat' || l.op === 'ChannelSplit' || l.op === 'Add')
      .reduce((a, l) => a + l.cost.memoryAccess, 0);
    hints.push({
      guideline: 'G3',
      nodeId,
      ...problemMessage(msg('hintG3', { block: layers[0]?.block ?? nodeId, width, convs: branches, glue })),
      memoryAccessSaving: glue,
    });
  }
  return hints;
}

/** The largest number of conv layers in a block that read tensors produced before any of them. */
function parallelWidth(layers: readonly LayerInfo[]): number {
  const producedBy = new Map<number, number>();
  const depth: number[] = [];
  for (const l of layers) {
    const d = Math.max(
      0,
      ...l.inputTensors.map((t) => (producedBy.has(t) ? (depth[producedBy.get(t) ?? 0] ?? 0) + 1 : 0)),
    );
    depth[l.index - (layers[0]?.index ?? 0)] = d;
    for (const t of l.outputTensors) producedBy.set(t, l.index - (layers[0]?.index ?? 0));
  }
  const perDepth = new Map<number, number>();
  layers.forEach((l, i) => {
    if (l.op === 'Conv2d') perDepth.set(depth[i] ?? 0, (perDepth.get(depth[i] ?? 0) ?? 0) + 1);
  });
  return Math.max(0, ...perDepth.values());
}

/** G4: the share of memory access spent in element-wise ops (activations, adds, batch norm, scales). */
function g4(analysis: Analysis): Hint | undefined {
  const total = analysis.totals.memoryAccess;
  const ew = analysis.layers
    .filter((l) => ELEMENTWISE.has(l.op))
    .reduce((a, l) => a + l.cost.memoryAccess, 0);
  if (total === 0 || ew / total < 0.2) return undefined;
  return {
    guideline: 'G4',
    ...problemMessage(msg('hintG4', { share: pct(ew, total), elements: ew })),
    memoryAccessSaving: ew,
  };
}

/** Every guideline hint for a design, node hints first in layer order. */
export function guidelineHints(analysis: Analysis): Hint[] {
  const hints: Hint[] = [];
  for (const l of analysis.layers) {
    const h = g1(l) ?? g2(l);
    if (h !== undefined) hints.push(h);
  }
  hints.push(...g3(analysis));
  const h4 = g4(analysis);
  if (h4 !== undefined) hints.push(h4);
  return hints;
}
