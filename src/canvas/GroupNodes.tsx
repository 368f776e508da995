import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../state/store';
import { CostBadge } from './CostBadge';
import type { GroupCardNode, ModuleFrameNode } from './flow-types';
import { Ports } from './Ports';

/** An open module group: a frame behind its members, its path and a button that collapses it. */
export const ModuleFrame = memo(function ModuleFrame({ data }: NodeProps<ModuleFrameNode>) {
  const toggleGroup = useStudio((s) => s.toggleGroup);
  const { t } = useTranslation();
  return (
    <div className="module-frame" data-testid="module-group" data-path={data.path}>
      <div className="module-frame-head">
        <button
          type="button"
          className="module-toggle nodrag"
          aria-label={t('module.collapse', { path: data.path })}
          aria-expanded="true"
          title={t('module.collapseTitle', { path: data.path, nodes: data.count })}
          onClick={() => {
            toggleGroup(data.path);
          }}
        >
          ▾
        </button>
        <span className="module-path">{data.path}</span>
      </div>
    </div>
  );
});

/** A collapsed module group: one card standing for its nodes, their costs summed. */
export const GroupCard = memo(function GroupCard({ data }: NodeProps<GroupCardNode>) {
  const toggleGroup = useStudio((s) => s.toggleGroup);
  const { t } = useTranslation();
  return (
    <div className="card block stripe-block module-card" data-testid="module-card" data-path={data.label}>
      <Ports label={data.label} inputs={1} outputs={1} connectable={false} />
      <div className="card-row">
        <span className="card-title">{data.label}</span>
        <span className="card-summary">{data.look.summary}</span>
        <CostBadge multiplyAdds={data.multiplyAdds} params={data.params} />
      </div>
      <div className="card-row card-sub">
        <span className="card-shape" data-testid="output-shape">
          {data.shape ?? '—'}
        </span>
        <span className="card-label">{t('module.kind')}</span>
        <button
          type="button"
          className="card-open nodrag"
          aria-label={t('module.expand', { path: data.label })}
          aria-expanded="false"
          title={t('module.expandTitle')}
          onClick={() => {
            toggleGroup(data.label);
          }}
        >
          ▸
        </button>
      </div>
    </div>
  );
});
