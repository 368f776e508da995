import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CostPanel } from '../panels/cost/CostPanel';
import { Inspector } from '../panels/inspector/Inspector';
import { LearnPanel } from '../panels/learn/LearnPanel';
import { RunPanel } from '../panels/run/RunPanel';
import { TrainPanel } from '../panels/train/TrainPanel';
import type { SideTab } from '../state/types';
import { useStudio } from '../state/store';

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
  return (
    <aside className={`side-panel${active?.id === 'learn' ? ' learning' : ''}`} aria-label={t('side.label')}>
      <div className="tabs" role="tablist" aria-label={t('side.tabs')}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === active?.id}
            aria-controls={`panel-${tab.id}`}
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
          {active.render()}
        </div>
      )}
    </aside>
  );
}
