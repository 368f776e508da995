import { lazy, Suspense, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SideTab } from '../state/types';
import { useStudio } from '../state/store';

// Each tab's content loads when first shown, not with the page: the first canvas cards are drawn
// without waiting for it, and the tab's box is there from the start (no jump when it fills in).
const Inspector = lazy(() => import('../panels/inspector/Inspector').then((m) => ({ default: m.Inspector })));
const CostPanel = lazy(() => import('../panels/cost/CostPanel').then((m) => ({ default: m.CostPanel })));
const RunPanel = lazy(() => import('../panels/run/RunPanel').then((m) => ({ default: m.RunPanel })));
const TrainPanel = lazy(() => import('../panels/train/TrainPanel').then((m) => ({ default: m.TrainPanel })));
const LearnPanel = lazy(() => import('../panels/learn/LearnPanel').then((m) => ({ default: m.LearnPanel })));

/** The right side's tabs; each title is the key `side.<id>` of the shell's strings. */
const tabs: readonly { readonly id: SideTab; readonly render: () => ReactNode }[] = [
  { id: 'inspector', render: () => <Inspector /> },
  { id: 'cost', render: () => <CostPanel /> },
  { id: 'run', render: () => <RunPanel /> },
  { id: 'train', render: () => <TrainPanel /> },
  { id: 'learn', render: () => <LearnPanel /> },
];

export function SidePanel() {
  const { t } = useTranslation();
  const current = useStudio((s) => s.sideTab);
  const setTab = useStudio((s) => s.setSideTab);
  const active = tabs.find((t) => t.id === current) ?? tabs[0];
  const list = useRef<HTMLDivElement>(null);
  // The WAI-ARIA tabs pattern: one tab stop (the selected tab); arrows, Home and End move and select.
  const onKeyDown = (e: KeyboardEvent): void => {
    const at = tabs.findIndex((tab) => tab.id === active?.id);
    const moves: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    if (next === undefined) return;
    setTab(next.id);
    list.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };
  return (
    <aside
      id="side-panel"
      className={`side-panel${active?.id === 'learn' ? ' learning' : ''}`}
      aria-label={t('side.label')}
    >
      <div className="tabs" role="tablist" aria-label={t('side.tabs')} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === active?.id}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === active?.id ? 0 : -1}
            onClick={() => {
              setTab(tab.id);
            }}
          >
            {t(`side.${tab.id}`)}
          </button>
        ))}
      </div>
      {active !== undefined && (
        <div
          className="tab-panel"
          role="tabpanel"
          id={`panel-${active.id}`}
          aria-labelledby={`tab-${active.id}`}
        >
          <Suspense fallback={<div className="panel-loading" aria-busy="true" />}>{active.render()}</Suspense>
        </div>
      )}
    </aside>
  );
}
