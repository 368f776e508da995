import { analyze } from '../analysis/analyze';
import { msg, refusal, type Refusal } from '../message';
import { scaleDesign } from '../analysis/scale';
import type { Analysis, LayerInfo } from '../analysis/analysis-types';
import type { Design, DesignNode, DesignWeights, Edge } from '../design/design-types';
import type { Conv2dParams } from '../ops/conv2d';
import { layerWeight, weightSource } from '../onnx/layer-weights';

/**
 * NestedNet (Kim et al. 2018, survey ref. 145): levels of one network that share one set of
 * weights, each level's weights a prefix of the next level's (the first channels of every layer),
 * so the whole family is stored once, as the widest level. Levels here are width multipliers of
 * every layer (classifier outputs kept), 0.25, 0.5 and 1 by default, each the design scaled as the
 * width multiplier scales it.
 */

export const DEFAULT_NESTED_WIDTHS: readonly number[] = [0.25, 0.5, 1];

export interface NestedLevel {
  readonly width: number;
  readonly design: Design;
  readonly analysis: Analysis;
}

export interface NestedRow {
  readonly width: number;
  readonly params: number;
  readonly multiplyAdds: number;
  readonly memoryAccess: number;
}

export interface NestedView {
  readonly rows: readonly NestedRow[];
  /** The widest level's params: every level is a prefix of it, so this is what is stored. */
  readonly storedParams: number;
  /** What storing each level on its own would take (Σ params over the levels). */
  readonly separateParams: number;
}

export type NestedResult<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & Refusal);

/** A conv whose groups are neither 1 nor its channels: a prefix of its channels is not a prefix of its groups. */
const isGroupConv = (l: LayerInfo): boolean => {
  if (l.op !== 'Conv2d') return false;
  const p = l.params as Conv2dParams;
  return p.groups > 1 && p.groups !== p.outChannels;
};

/** The levels' designs and analyses, after checking that each level is a prefix of the next. */
export function nestedLevels(
  design: Design,
  widths: readonly number[] = design.nested?.widths ?? DEFAULT_NESTED_WIDTHS,
): NestedResult<NestedLevel[]> {
  if (widths.at(-1) !== 1) return { ok: false, ...refusal(msg('nestedLastLevel')) };
  const levels: NestedLevel[] = [];
  for (const width of widths) {
    const d = scaleDesign(design, { width, rounding: 8 });
    const a = analyze(d);
    const err = a.diagnostics.find((x) => x.severity === 'error');
    if (err !== undefined) return { ok: false, ...refusal(msg('nestedAtWidth', { width }), err) };
    levels.push({ width, design: { ...d, name: `${design.name} (level ${width})` }, analysis: a });
  }
  const full = levels.at(-1)?.analysis;
  const byName = new Map(full?.layers.map((l) => [l.name, l]));
  for (const level of levels) {
    for (const l of level.analysis.layers) {
      const big = byName.get(l.name);
      if (big === undefined || big.op !== l.op)
        return { ok: false, ...refusal(msg('nestedMissing', { layer: l.name, width: level.width })) };
      if (isGroupConv(l) || l.op === 'ExpanderConv2d')
        return {
          ok: false,
          ...refusal(msg(l.op === 'ExpanderConv2d' ? 'nestedExpander' : 'nestedGroup', { layer: l.name })),
        };
    }
  }
  return { ok: true, value: levels };
}

export function nestedView(levels: readonly NestedLevel[]): NestedView {
  const rows = levels.map((l) => ({
    width: l.width,
    params: l.analysis.totals.params,
    multiplyAdds: l.analysis.totals.multiplyAdds,
    memoryAccess: l.analysis.totals.memoryAccess,
  }));
  return {
    rows,
    storedParams: rows.at(-1)?.params ?? 0,
    separateParams: rows.reduce((s, r) => s + r.params, 0),
  };
}

/** Rows [rows × cols × inner] of a row-major tensor, cut to its first `r` rows and `c` cols. */
function prefix(v: Float32Array, cols: number, inner: number, r: number, c: number): Float32Array {
  const out = new Float32Array(r * c * inner);
  for (let i = 0; i < r; i++) out.set(v.subarray(i * cols * inner, (i * cols + c) * inner), i * c * inner);
  return out;
}

/**
 * Each level's weights as the prefix of the widest level's: conv [Cout, Cin/g, kh, kw] cut to the
 * level's [cout, cin/g']; linear [out, in] to [out', in']; batch norm and biases to the first C.
 */
export function nestedWeights(levels: readonly NestedLevel[], seed = 0): DesignWeights[] {
  const source = `NestedNet prefixes of ${levels.at(-1)?.design.name ?? 'the design'}`;
  const full = levels.at(-1);
  if (full === undefined) return [];
  const big = new Map(full.analysis.layers.map((l) => [l.key, l]));
  // The widest level's weights as both exports would write them (stored values, else seeded init).
  const weightsOf = weightSource(full.design, seed, []);
  const fullValues = (l: LayerInfo, role: string): Float32Array => layerWeight(weightsOf, l, role);
  return levels.map((level): DesignWeights => {
    const weights: Record<string, Record<string, Float32Array>> = {};
    for (const l of level.analysis.layers) {
      const b = big.get(l.key);
      if (b === undefined) continue;
      const out = l.outputShapes[0]?.[1] ?? 0;
      const put = (role: string, v: Float32Array): void => {
        (weights[l.key] ??= {})[role] = v;
      };
      if (l.op === 'Conv2d' || l.op === 'Linear') {
        const p = l.params as Partial<Conv2dParams>;
        const bp = b.params as Partial<Conv2dParams>;
        const k = (p.kernel?.[0] ?? 1) * (p.kernel?.[1] ?? 1);
        const cols = (b.inputShapes[0]?.[1] ?? 0) / (bp.groups ?? 1);
        const c = (l.inputShapes[0]?.[1] ?? 0) / (p.groups ?? 1);
        put('weight', prefix(fullValues(b, 'weight'), cols, k, out, c));
        if ((p as { bias?: boolean }).bias === true) put('bias', fullValues(b, 'bias').slice(0, out));
      } else if (l.op === 'BatchNorm') {
        for (const role of ['weight', 'bias', 'running_mean', 'running_var'])
          put(role, fullValues(b, role).slice(0, out));
      }
    }
    return { source, layers: weights };
  });
}

/** Each level as its own design, carrying its prefix of the shared weights (one ONNX model per level). */
export function nestedLevelDesigns(levels: readonly NestedLevel[], seed = 0): Design[] {
  const weights = nestedWeights(levels, seed);
  return levels.map((l, i) => ({ ...l.design, weights: weights[i] ?? { source: '', layers: {} } }));
}

/**
 * One design with every level side by side from one shared input, each level's outputs labelled
 * `level_<width>` (one model with every level's output). The file holds each level's prefix of
 * the weights as its own tensors; the shared storage is the widest level's.
 */
export function jointNestedDesign(levels: readonly NestedLevel[], seed = 0): Design {
  const perLevel = nestedLevelDesigns(levels, seed);
  const nodes: DesignNode[] = [];
  const edges: Edge[] = [];
  const weights: Record<string, Readonly<Record<string, Float32Array>>> = {};
  let inputId: string | undefined;
  perLevel.forEach((d, i) => {
    const level = levels[i]?.width ?? 1;
    const tag = `l${i + 1}_`;
    const inputIds = new Set(d.nodes.filter((n) => n.kind === 'Input').map((n) => n.id));
    const outputs = d.nodes.filter((n) => n.kind === 'Output');
    for (const n of d.nodes) {
      if (n.kind === 'Input') {
        if (inputId === undefined) {
          inputId = n.id;
          nodes.push(n);
        }
        continue;
      }
      const label =
        n.kind === 'Output'
          ? outputs.length === 1
            ? `level_${level}`
            : `level_${level}_${n.label}`
          : `${tag}${n.label}`;
      nodes.push({
        ...n,
        id: `${tag}${n.id}`,
        label,
        position: { x: n.position.x + i * 320, y: n.position.y },
      });
    }
    for (const e of d.edges)
      edges.push({
        id: `${tag}${e.id}`,
        from: inputIds.has(e.from.node)
          ? { node: inputId ?? e.from.node, port: e.from.port }
          : { node: `${tag}${e.from.node}`, port: e.from.port },
        to: { node: `${tag}${e.to.node}`, port: e.to.port },
      });
    for (const [key, roles] of Object.entries(d.weights?.layers ?? {})) weights[`${tag}${key}`] = roles;
  });
  const base = levels.at(-1)?.design.name.replace(/ \(level 1\)$/, '') ?? 'design';
  return {
    name: `${base} (NestedNet levels ${levels.map((l) => l.width).join(', ')})`,
    nodes,
    edges,
    weights: { source: `NestedNet prefixes of ${base}`, layers: weights },
  };
}
