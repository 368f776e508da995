import type { Analysis, LayerInfo } from '../../core/analysis/analysis-types';
import { elements } from '../../core/shape';

/** The numeric columns of the per-layer table. */
export type LayerColumn =
  | 'params'
  | 'multiplyAdds'
  | 'effectiveMultiplyAdds'
  | 'memoryAccessConvFc'
  | 'memoryAccess'
  | 'activations'
  | 'workspace';

export type ColumnValues = Readonly<Record<LayerColumn, number>>;

export interface LayerRow {
  readonly layer: LayerInfo;
  readonly values: ColumnValues;
}

/** A top-level node: a block with its primitives, or a single primitive (one row, no header). */
export interface LayerGroup {
  readonly nodeId: string;
  readonly label: string;
  /** True for a block (a header row with subtotals), false for a lone primitive. */
  readonly isBlock: boolean;
  readonly rows: readonly LayerRow[];
  /** The whole node's figures, whatever the filter hides. */
  readonly subtotal: ColumnValues;
  /** Primitives in the node before filtering. */
  readonly size: number;
}

export type SortKey = 'order' | 'name' | LayerColumn;

export interface TableQuery {
  readonly filter: string;
  readonly sort: SortKey;
  readonly descending: boolean;
  /** Keep each block's primitives together under a header. */
  readonly grouped: boolean;
}

export function layerValues(l: LayerInfo): ColumnValues {
  return {
    params: l.cost.params,
    multiplyAdds: l.cost.multiplyAdds,
    // What the method's own kernel would do (sparse, lookup, versatile); the exported figure elsewhere.
    effectiveMultiplyAdds: l.effective?.multiplyAdds ?? l.cost.multiplyAdds,
    memoryAccessConvFc: l.cost.memoryAccessConvFc,
    memoryAccess: l.cost.memoryAccess,
    workspace: l.workspace,
    // Views write no new tensor, as activation memory counts them.
    activations: l.outputTensors.some((t) => l.inputTensors.includes(t))
      ? 0
      : l.outputShapes.reduce((s, shape) => s + elements(shape), 0),
  };
}

const zero: ColumnValues = {
  params: 0,
  multiplyAdds: 0,
  effectiveMultiplyAdds: 0,
  memoryAccessConvFc: 0,
  memoryAccess: 0,
  activations: 0,
  workspace: 0,
};

function add(a: ColumnValues, b: ColumnValues): ColumnValues {
  return {
    params: a.params + b.params,
    multiplyAdds: a.multiplyAdds + b.multiplyAdds,
    effectiveMultiplyAdds: a.effectiveMultiplyAdds + b.effectiveMultiplyAdds,
    memoryAccessConvFc: a.memoryAccessConvFc + b.memoryAccessConvFc,
    memoryAccess: a.memoryAccess + b.memoryAccess,
    activations: a.activations + b.activations,
    // Buffers live one conv at a time: a block's workspace is its largest.
    workspace: Math.max(a.workspace, b.workspace),
  };
}

/** The totals shares are taken of: the sum of every layer, so shares add up to 100 %. */
export function columnTotals(rows: readonly LayerRow[]): ColumnValues {
  return rows.reduce((t, r) => add(t, r.values), zero);
}

const matches = (l: LayerInfo, needle: string): boolean =>
  needle === '' ||
  l.name.toLowerCase().includes(needle) ||
  l.op.toLowerCase().includes(needle) ||
  (l.block?.toLowerCase().includes(needle) ?? false);

function compare(sort: SortKey, descending: boolean) {
  const dir = descending ? -1 : 1;
  return (a: { key: number | string; order: number }, b: { key: number | string; order: number }): number => {
    if (sort === 'order') return dir * (a.order - b.order);
    const d = typeof a.key === 'string' ? a.key.localeCompare(String(b.key)) : a.key - Number(b.key);
    return d !== 0 ? dir * d : a.order - b.order;
  };
}

const keyOf = (sort: SortKey, name: string, values: ColumnValues): number | string =>
  sort === 'order' ? 0 : sort === 'name' ? name : values[sort];

/** Rows of the per-layer table, grouped by top-level node (blocks get subtotals), filtered and sorted. */
export function layerTable(
  analysis: Analysis,
  query: TableQuery,
): { groups: LayerGroup[]; totals: ColumnValues } {
  const all = analysis.layers.map((layer) => ({ layer, values: layerValues(layer) }));
  const totals = columnTotals(all);
  const needle = query.filter.trim().toLowerCase();
  const cmp = compare(query.sort, query.descending);
  const sortRows = (rows: LayerRow[]): LayerRow[] =>
    rows
      .map((r) => ({ r, key: keyOf(query.sort, r.layer.name, r.values), order: r.layer.index }))
      .sort(cmp)
      .map((x) => x.r);

  if (!query.grouped) {
    const rows = sortRows(all.filter((r) => matches(r.layer, needle)));
    return {
      groups: rows.map((r) => ({
        nodeId: r.layer.nodeId,
        label: r.layer.name,
        isBlock: false,
        rows: [r],
        subtotal: r.values,
        size: 1,
      })),
      totals,
    };
  }
  const byNode = new Map<string, LayerRow[]>();
  for (const r of all) {
    const list = byNode.get(r.layer.nodeId) ?? [];
    list.push(r);
    byNode.set(r.layer.nodeId, list);
  }
  const groups: { g: LayerGroup; key: number | string; order: number }[] = [];
  for (const [nodeId, rows] of byNode) {
    const first = rows[0];
    if (first === undefined) continue;
    const isBlock = first.layer.block !== undefined;
    const label = first.layer.block ?? first.layer.name;
    const blockHit = isBlock && label.toLowerCase().includes(needle);
    const shown = blockHit ? rows : rows.filter((r) => matches(r.layer, needle));
    if (shown.length === 0) continue;
    const subtotal = columnTotals(rows);
    groups.push({
      g: { nodeId, label, isBlock, rows: sortRows(shown), subtotal, size: rows.length },
      key: keyOf(query.sort, label, subtotal),
      order: first.layer.index,
    });
  }
  return { groups: groups.sort(cmp).map((x) => x.g), totals };
}
