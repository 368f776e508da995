import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useStudio } from '../state/store';
import { CostBadge } from './CostBadge';
import type { FrameNode } from './flow-types';
import { InnerPorts, Ports } from './Ports';
import { FRAME_HEADER } from './sizes';
import { useTranslation } from 'react-i18next';

/** An open block: its header (close button, totals) over its primitives, which are child nodes. */
export const FrameCard = memo(function FrameCard({ id, data }: NodeProps<FrameNode>) {
  const { t } = useTranslation('canvas');
  const toggleBlock = useStudio((s) => s.toggleBlock);
  const classes = ['frame', 'stripe-block'];
  if (data.problem !== undefined) classes.push(`has-${data.problem.severity}`);
  return (
    <div className={classes.join(' ')} data-testid="block-frame">
      <Ports label={data.label} inputs={data.inputs} outputs={data.outputs} connectable />
      <InnerPorts inputs={data.innerInputs} outputs={data.innerOutputs} top={FRAME_HEADER} />
      <header className="frame-header" style={{ height: FRAME_HEADER }}>
        <div className="card-row">
          <span className="card-title">{data.look.title}</span>
          <span className="card-summary">{data.look.summary}</span>
          <CostBadge multiplyAdds={data.multiplyAdds} params={data.params} />
        </div>
        <div className="card-row card-sub">
          <span className="card-shape" data-testid="output-shape">
            {data.shape ?? '—'}
          </span>
          <span className="card-label">{data.label}</span>
          <button
            type="button"
            className="card-open nodrag"
            aria-label={t('closeBlock', { label: data.label })}
            title={t('closeTitle')}
            onClick={() => {
              toggleBlock(id);
            }}
          >
            ▾
          </button>
        </div>
      </header>
      {data.message !== undefined && <p className="frame-message">{data.message}</p>}
    </div>
  );
});
