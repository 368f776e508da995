import type { ReactNode } from 'react';
import { CostPanel } from '../panels/cost/CostPanel';
import { Inspector } from '../panels/inspector/Inspector';
import { RunPanel } from '../panels/run/RunPanel';
import type { SideTab } from '../state/types';
import { useStudio } from '../state/store';

/** The right side's tabs. The Cost and Run tabs join this list (and SideTab) when they exist. */
const tabs: readonly { readonly id: SideTab; readonly title: string; readonly render: () => ReactNode }[] = [
  { id: 'inspector', title: 'Inspector', render: () => <Inspector /> },
  { id: 'cost', title: 'Cost', render: () => <CostPanel /> },
  { id: 'run', title: 'Run', render: () => <RunPanel /> },
];

export function SidePanel() {
  const current = useStudio((s) => s.sideTab);
  const setTab = useStudio((s) => s.setSideTab);
  const active = tabs.find((t) => t.id === current) ?? tabs[0];
  return (
    <aside className="side-panel" aria-label="Details">
      <div className="tabs" role="tablist" aria-label="Side panels">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === active?.id}
            aria-controls={`panel-${t.id}`}
            onClick={() => {
              setTab(t.id);
            }}
          >
            {t.title}
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
          {active.render()}
        </div>
      )}
    </aside>
  );
}
