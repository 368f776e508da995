import { useStudio } from '../../state/store';
import { Delta } from './Delta';
import { useTranslation } from 'react-i18next';
import { formatCount, formatExact } from '../../i18n/numbers';

export interface CompareRow {
  /** Stable key; 'multiplyAdds' is shown as FLOPs (× 2) when the FLOPs toggle is on. */
  readonly key: string;
  readonly label: string;
  readonly before: number;
  readonly after: number;
}

interface Props {
  readonly label: string;
  /** Column names of the two sides: "Baseline" / "Current", "Before" / "After". */
  readonly sides: readonly [string, string];
  /** How the change is described in its tooltip: "against the baseline". */
  readonly against: string;
  readonly rows: readonly CompareRow[];
}

/** Figures side by side with their change: the baseline diff and the deploy view both use it. */
export function CompareTable({ label, sides, against, rows }: Props) {
  const { t } = useTranslation('cost');
  const flops = useStudio((s) => s.showFlops);
  return (
    <table className="cost-compare" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('compare.figure')}</th>
          <th scope="col">{sides[0]}</th>
          <th scope="col">{sides[1]}</th>
          <th scope="col">{t('compare.change')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, label: name, before, after }) => {
          const k = key === 'multiplyAdds' && flops ? 2 : 1;
          return (
            <tr key={key} data-figure={key}>
              <th scope="row">{k === 2 ? t('flops') : name}</th>
              <td title={formatExact(before * k)}>{formatCount(before * k)}</td>
              <td title={formatExact(after * k)}>{formatCount(after * k)}</td>
              <td>
                <Delta before={before} after={after} factor={k} against={against} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
