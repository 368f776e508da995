import { useTranslation } from 'react-i18next';
import { useStudio } from '../../state/store';
import { BoundedNumberField } from './BoundedNumberField';
import { useTrainPanel } from './train-store';

/** λ's bounds in the form: 0 (no pull towards zero) to 10 (every shift gone in a step or two). */
const LAMBDA_MAX = 10;

/**
 * Sparse shift learning (Chen et al. 2019), offered when the design has a SparseShift node: its
 * per-channel shifts are learned with the L1 shift penalty λ, and after the run the tab says how
 * many channels stayed shifted (the mask is the design's then: costs, exports and Run follow it).
 */
export function ShiftLearning() {
  const { t } = useTranslation('train');
  const nodes = useStudio((s) => s.design.nodes);
  const run = useStudio((s) => s.train);
  const on = useTrainPanel((s) => s.learnShifts);
  const lambda = useTrainPanel((s) => s.shiftLambda);
  const layers = nodes.filter((n) => n.kind === 'SparseShift');
  if (layers.length === 0) return null;
  const labelOf = (id: string): string => nodes.find((n) => n.id === id)?.label ?? id;
  return (
    <fieldset className="run-section train-shifts">
      <legend>{t('shifts.title')}</legend>
      <label className="train-check">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => {
            useTrainPanel.setState({ learnShifts: e.target.checked });
          }}
        />{' '}
        {t('shifts.learn')}
      </label>
      <p className="run-hint">{t('shifts.hint')}</p>
      {on && (
        <BoundedNumberField
          id="train-lambda"
          label={t('shifts.lambda')}
          value={lambda}
          min={0}
          max={LAMBDA_MAX}
          onValue={(v) => {
            useTrainPanel.setState({ shiftLambda: v });
          }}
        />
      )}
      {run.status === 'done' &&
        run.shifts?.map((m) => (
          <p key={m.nodeId} className="train-end" role="status">
            {t('shifts.result', { layer: labelOf(m.nodeId), moved: m.moved, channels: m.shifts.length })}
          </p>
        ))}
    </fieldset>
  );
}
