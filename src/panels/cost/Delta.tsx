import { useTranslation } from 'react-i18next';
import { formatDelta, formatExact, formatExactDelta, formatPercentChange } from '../../i18n/numbers';
interface Props {
  readonly before: number;
  readonly after: number;
  /** What the change is measured against, for screen readers: "since the last edit". */
  readonly against: string;
  /** Multiplies both values for display (2 for FLOPs). */
  readonly factor?: number;
}

/** A figure's change, absolute and in %: green when it shrinks (costs), red when it grows. */
export function Delta({ before, after, against, factor = 1 }: Props) {
  const { t } = useTranslation('cost');
  const d = (after - before) * factor;
  const tone = d === 0 ? 'same' : d < 0 ? 'down' : 'up';
  const text = `${formatDelta(d)} (${formatPercentChange(before, after) ?? t('change.new')})`;
  return (
    <span
      className={`cost-delta ${tone}`}
      data-testid="delta"
      title={`${formatExactDelta(d)} ${against}: ${formatExact(before * factor)} → ${formatExact(after * factor)}`}
      aria-label={`${d === 0 ? t('change.unchanged') : text} ${against}`}
    >
      {text}
    </span>
  );
}
