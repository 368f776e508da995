import { useState } from 'react';
import { useAnalysis } from '../../state/hooks';
import { studio, useStudio } from '../../state/store';
import { Charts } from './Charts';
import type { SortKey, TableQuery } from './layer-rows';
import { LayerTable } from './LayerTable';
import './cost.css';
import { useTranslation } from 'react-i18next';

/** The drawer under the canvas: the per-layer table and the charts. */
export function CostDrawer() {
  const { t } = useTranslation('cost');
  const open = useStudio((s) => s.costDrawerOpen);
  const view = useStudio((s) => s.costDrawerView);
  const analysis = useAnalysis();
  const [query, setQuery] = useState<TableQuery>({
    filter: '',
    sort: 'order',
    descending: false,
    grouped: true,
  });
  const onSort = (sort: SortKey): void => {
    setQuery((q) => ({
      ...q,
      sort,
      descending: q.sort === sort ? !q.descending : sort !== 'order' && sort !== 'name',
    }));
  };
  return (
    <section className={`cost-drawer ${open ? 'open' : ''}`} aria-label={t('drawer.label')}>
      <header className="cost-drawer-bar">
        <button
          type="button"
          className="button ghost"
          aria-expanded={open}
          aria-controls="cost-drawer-body"
          onClick={() => {
            studio.getState().setCostDrawerOpen(!open);
          }}
        >
          {open ? '▾' : '▴'} {t('drawer.toggle')}
        </button>
        <span className="muted">{t('drawer.layers', { count: analysis.layers.length })}</span>
        {open && (
          <>
            <div className="cost-drawer-tabs" role="group" aria-label={t('drawer.view')}>
              {(['table', 'charts'] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  aria-pressed={view === v}
                  onClick={() => {
                    studio.getState().setCostDrawerView(v);
                  }}
                >
                  {v === 'table' ? t('drawer.table') : t('drawer.charts')}
                </button>
              ))}
            </div>
            {view === 'table' && (
              <>
                <input
                  type="search"
                  className="cost-filter"
                  aria-label={t('drawer.filter')}
                  placeholder={t('drawer.filterPlaceholder')}
                  value={query.filter}
                  onChange={(e) => {
                    setQuery({ ...query, filter: e.target.value });
                  }}
                />
                <label className="cost-inline-check">
                  <input
                    type="checkbox"
                    checked={query.grouped}
                    onChange={(e) => {
                      setQuery({ ...query, grouped: e.target.checked });
                    }}
                  />{' '}
                  {t('drawer.group')}
                </label>
              </>
            )}
          </>
        )}
      </header>
      {open && (
        <div id="cost-drawer-body" className="cost-drawer-body">
          {view === 'table' ? (
            <LayerTable analysis={analysis} query={query} onSort={onSort} />
          ) : (
            <Charts analysis={analysis} />
          )}
        </div>
      )}
    </section>
  );
}
