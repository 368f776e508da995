import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import type { Analysis } from '../../core/analysis/analysis-types';
import { formatShape } from '../../core/shape';
import { studio, useStudio } from '../../state/store';
import {
  layerTable,
  type ColumnValues,
  type LayerColumn,
  type LayerRow,
  type SortKey,
  type TableQuery,
} from './layer-rows';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatCount, formatExact, formatShare } from '../../i18n/numbers';

const columnTitles = (t: TFunction, flops: boolean): Readonly<Record<LayerColumn, [string, string]>> => {
  const col = (key: string): [string, string] => [
    t(`table.columns.${key}.name`),
    t(`table.columns.${key}.note`),
  ];
  return {
    params: col('params'),
    multiplyAdds: col(flops ? 'flops' : 'multiplyAdds'),
    effectiveMultiplyAdds: col(flops ? 'effectiveFlops' : 'effectiveMultiplyAdds'),
    memoryAccessConvFc: col('memoryAccessConvFc'),
    memoryAccess: col('memoryAccess'),
    activations: col('activations'),
    workspace: col('workspace'),
  };
};
const columns: readonly LayerColumn[] = [
  'multiplyAdds',
  'effectiveMultiplyAdds',
  'params',
  'memoryAccessConvFc',
  'memoryAccess',
  'activations',
  'workspace',
];

function Cells({ values, totals, flops }: { values: ColumnValues; totals: ColumnValues; flops: boolean }) {
  const { t } = useTranslation('cost');
  return columns.map((c) => {
    const k = (c === 'multiplyAdds' || c === 'effectiveMultiplyAdds') && flops ? 2 : 1;
    const share = totals[c] === 0 ? 0 : values[c] / totals[c];
    return (
      <td
        key={c}
        title={t('table.ofTotal', { exact: formatExact(values[c] * k), share: formatShare(share) })}
      >
        <span className="cost-cell-value">{values[c] === 0 ? '—' : formatCount(values[c] * k)}</span>
        {values[c] > 0 && <span className="cost-cell-share">{formatShare(share)}</span>}
      </td>
    );
  });
}

function select(r: LayerRow): void {
  const s = studio.getState();
  const inner = r.layer.id !== r.layer.nodeId && s.openBlocks.includes(r.layer.nodeId);
  s.revealNode(inner ? r.layer.id : r.layer.nodeId);
}

/** Every primitive op with its figures and shares, grouped by block with subtotals; rows select nodes. */
export function LayerTable({
  analysis,
  query,
  onSort,
}: {
  analysis: Analysis;
  query: TableQuery;
  onSort: (k: SortKey) => void;
}) {
  const { t } = useTranslation('cost');
  const flops = useStudio((s) => s.showFlops);
  const selected = useStudio((s) => s.selectedNodes);
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const { groups, totals } = useMemo(() => layerTable(analysis, query), [analysis, query]);
  const body = useRef<HTMLTableSectionElement>(null);
  const isSelected = (id: string, nodeId: string): boolean =>
    selected.includes(id) || selected.includes(nodeId);
  useEffect(() => {
    // The reverse direction: a node selected on the canvas scrolls its row into view.
    body.current?.querySelector('tr.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const titles = columnTitles(t, flops);
  const sortButton = (key: SortKey, label: string, hint?: string) => (
    <button
      type="button"
      className="cost-sort"
      title={hint}
      onClick={() => {
        onSort(key);
      }}
    >
      {label}
      <span aria-hidden="true">{query.sort === key ? (query.descending ? ' ▾' : ' ▴') : ''}</span>
    </button>
  );
  const ariaSort = (key: SortKey) =>
    query.sort === key ? (query.descending ? 'descending' : 'ascending') : undefined;
  return (
    <table className="cost-layers" aria-label={t('table.label')}>
      <thead>
        <tr>
          <th scope="col" aria-sort={ariaSort('order')}>
            {sortButton('order', '#', t('table.runOrder'))}
          </th>
          <th scope="col" aria-sort={ariaSort('name')}>
            {sortButton('name', t('table.layer'))}
          </th>
          <th scope="col">{t('table.op')}</th>
          <th scope="col">{t('table.outputShape')}</th>
          {columns.map((c) => (
            <th key={c} scope="col" aria-sort={ariaSort(c)} className="num">
              {sortButton(c, titles[c][0], titles[c][1])}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={body}>
        {groups.map((g) => {
          const open = !closed.has(g.nodeId);
          return (
            <Fragment key={g.nodeId}>
              {g.isBlock && (
                <tr
                  className={`cost-group ${isSelected(g.nodeId, g.nodeId) ? 'selected' : ''}`}
                  data-node={g.nodeId}
                >
                  <td />
                  <th scope="rowgroup" colSpan={3}>
                    <button
                      type="button"
                      className="cost-group-toggle"
                      aria-expanded={open}
                      aria-label={t(open ? 'table.groupToggleHide' : 'table.groupToggleShow', {
                        label: g.label,
                        n: g.size,
                      })}
                      onClick={() => {
                        const next = new Set(closed);
                        if (open) next.add(g.nodeId);
                        else next.delete(g.nodeId);
                        setClosed(next);
                      }}
                    >
                      {open ? '▾' : '▸'}
                    </button>
                    <button
                      type="button"
                      className="cost-row-name"
                      onClick={() => {
                        studio.getState().revealNode(g.nodeId);
                      }}
                    >
                      {g.label}
                    </button>
                    <span className="muted">
                      {' '}
                      {g.rows.length < g.size
                        ? t('table.subtotalPart', { shown: g.rows.length, n: g.size })
                        : t('table.subtotal', { n: g.size })}
                    </span>
                  </th>
                  <Cells values={g.subtotal} totals={totals} flops={flops} />
                </tr>
              )}
              {open &&
                g.rows.map((r) => (
                  <tr
                    key={r.layer.id}
                    className={`${g.isBlock ? 'cost-inner' : ''} ${isSelected(r.layer.id, r.layer.nodeId) ? 'selected' : ''}`}
                    data-layer={r.layer.name}
                  >
                    <td className="muted num">{r.layer.index}</td>
                    <th scope="row">
                      <button
                        type="button"
                        className="cost-row-name"
                        title={r.layer.name}
                        onClick={() => {
                          select(r);
                        }}
                      >
                        {g.isBlock ? r.layer.name.slice(g.label.length + 1) || r.layer.name : r.layer.name}
                      </button>
                    </th>
                    <td className="muted">{r.layer.op}</td>
                    <td className="mono">{r.layer.outputShapes.map(formatShape).join(', ')}</td>
                    <Cells values={r.values} totals={totals} flops={flops} />
                  </tr>
                ))}
            </Fragment>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <td />
          <th scope="row" colSpan={3}>
            {t('table.total')} <span className="muted">{t('convention')}</span>
          </th>
          <Cells values={totals} totals={totals} flops={flops} />
        </tr>
      </tfoot>
    </table>
  );
}
