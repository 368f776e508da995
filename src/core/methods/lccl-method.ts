import type { Analysis, LayerInfo } from '../analysis/analysis-types';
import { LCCL_LABELS } from '../blocks/lccl-conv';
import { fmt } from '../ops/op-common';
import type { FormulaLine } from '../ops/op-types';

/** A zero ratio measured by a run: the share of zeros of the collaborative ReLU's output. */
export interface MeasuredZero {
  readonly zeroRatio: number;
  /** The image (or tensor) it was measured on, as the run panel names it. */
  readonly image: string;
}

export interface LcclRow {
  readonly nodeId: string;
  readonly label: string;
  readonly mainMultiplyAdds: number;
  readonly lcclMultiplyAdds: number;
  readonly zeroRatio: number;
  /** "set by hand" or "measured on chelsea.jpg". */
  readonly source: string;
  /** What the exported graph computes: both convs in full. */
  readonly asExported: number;
  /** cost(LCCL) + (1 − z)·cost(main): what a kernel that skips the predicted zeros computes. */
  readonly effective: number;
  readonly formula: FormulaLine;
}

export interface LcclView {
  readonly rows: readonly LcclRow[];
  readonly asExportedMultiplyAdds: number;
  readonly effectiveMultiplyAdds: number;
}

const inner = (layers: readonly LayerInfo[], label: string): LayerInfo | undefined =>
  layers.find((l) => l.name.endsWith(`/${label}`));

/**
 * Effective multiply-adds of every LCCL conv of the design: z from a run where one was measured
 * for the node, else the block's hand-set zeroRatio. The design's other layers count as they are.
 */
export function lcclView(
  analysis: Analysis,
  measured: ReadonlyMap<string, MeasuredZero> = new Map(),
): LcclView {
  const rows: LcclRow[] = [];
  for (const node of analysis.design.nodes) {
    if (node.kind !== 'LcclConv') continue;
    const info = analysis.nodes.get(node.id);
    if (info?.outputShapes === undefined) continue;
    const layers = analysis.layers.slice(info.layers[0], info.layers[1]);
    const main = inner(layers, LCCL_LABELS.main)?.cost.multiplyAdds ?? 0;
    const lccl = inner(layers, LCCL_LABELS.lccl)?.cost.multiplyAdds ?? 0;
    const m = measured.get(node.id);
    const z = m?.zeroRatio ?? node.params.zeroRatio;
    const effective = lccl + (1 - z) * main;
    rows.push({
      nodeId: node.id,
      label: node.label,
      mainMultiplyAdds: main,
      lcclMultiplyAdds: lccl,
      zeroRatio: z,
      source: m === undefined ? 'set by hand' : `measured on ${m.image}`,
      asExported: lccl + main,
      effective,
      formula: {
        figure: 'multiplyAdds',
        symbolic: 'effective = cost(LCCL) + (1 − z)·cost(main)',
        substituted: `${fmt(lccl)} + (1 − ${round4(z)})·${fmt(main)} = ${fmt(Math.round(effective))}`,
      },
    });
  }
  const total = analysis.totals.multiplyAdds;
  const saved = rows.reduce((s, r) => s + (r.asExported - r.effective), 0);
  return { rows, asExportedMultiplyAdds: total, effectiveMultiplyAdds: total - saved };
}

const round4 = (v: number): string => String(Math.round(v * 10000) / 10000);

/** The share of exact zeros in a tensor (a ReLU's output): the z a run measures. */
export function zeroRatio(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  let zeros = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === 0) zeros++;
  return zeros / values.length;
}

/** The ONNX tensor the collaborative ReLU writes, for a block labelled `label` at the top level. */
export const lcclReluTensor = (label: string): string => `${label}/${LCCL_LABELS.relu}`;
