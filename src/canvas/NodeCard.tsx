import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useStudio } from '../state/store';
import { CardMarks } from './CardMarks';
import { CostBadge } from './CostBadge';
import type { CardNode } from './flow-types';
import { Ports } from './Ports';
import { useTranslation } from 'react-i18next';

/** A node: stripe by family, title and key settings, output shape, cost badge, problem line. */
export const NodeCard = memo(function NodeCard({ id, data }: NodeProps<CardNode>) {
  const { t } = useTranslation('canvas');
  const toggleBlock = useStudio((s) => s.toggleBlock);
  const problem = data.problem;
  const classes = ['card', `stripe-${data.look.stripe}`];
  if (problem !== undefined) classes.push(`has-${problem.severity}`);
  if (data.inner) classes.push('inner');
  if (data.block !== undefined) classes.push('block');
  return (
    <div className={classes.join(' ')} data-testid="node-card">
      <Ports label={data.label} inputs={data.inputs} outputs={data.outputs} connectable={!data.inner} />
      <div className="card-row">
        <span className="card-title" title={data.look.title}>
          {data.look.title}
        </span>
        <span className="card-summary" title={data.look.summary}>
          {data.look.summary}
        </span>
        <CostBadge multiplyAdds={data.multiplyAdds} params={data.params} />
      </div>
      <div className="card-row card-sub">
        <span className="card-shape" title={t('outputShape')} data-testid="output-shape">
          {data.shape ?? '—'}
        </span>
        <span className="card-label" title={data.label}>
          {data.label}
        </span>
        {data.block === 'closed' && (
          <button
            type="button"
            className="card-open nodrag"
            aria-label={t('openBlock', { label: data.label })}
            title={t('openTitle')}
            onClick={() => {
              toggleBlock(id);
            }}
          >
            ▸
          </button>
        )}
      </div>
      {!data.inner && <CardMarks nodeId={id} />}
      {problem !== undefined && (
        <div className="card-problem" title={problem.text} role="note">
          <span aria-hidden="true">{problem.severity === 'info' ? '•' : '⚠'}</span> {problem.text}
          {problem.count > 1 ? ` (+${problem.count - 1})` : ''}
        </div>
      )}
    </div>
  );
});
