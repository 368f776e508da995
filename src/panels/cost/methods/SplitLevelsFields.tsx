import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../../core/analysis/analysis-types';
import type { Design } from '../../../core/design/design-types';
import type { SplitLevel } from '../../../core/methods/splitnet-method';

/** A SplitNet tree has at most this many levels. */
export const MAX_SPLIT_TREE_LEVELS = 4;
/** Kinds a tree cannot split after: where the network starts and ends. */
const ENDS: ReadonlySet<string> = new Set(['Input', 'Output', 'Softmax']);

export interface SplitPoint {
  readonly id: string;
  readonly label: string;
}

/** The nodes a SplitNet tree may split after, in the network's order. */
export function splitPoints(analysis: Analysis, design: Design): SplitPoint[] {
  return analysis.order.flatMap((id) => {
    const n = design.nodes.find((m) => m.id === id);
    return n === undefined || ENDS.has(n.kind) ? [] : [{ id: n.id, label: n.label }];
  });
}

/**
 * The levels of a SplitNet tree (Kim et al. 2017) as form fields: for each level the node it splits
 * after and its number of groups, and buttons that add a level (after the last one's node) or remove
 * the last. Shared by the Cost tab's tree and the Train tab's learned split; `idPrefix` keeps the
 * fields' ids apart, the classes let each tab lay them out.
 */
export function SplitLevelsFields({
  points,
  levels,
  onChange,
  idPrefix,
  rowClass,
  actionsClass,
}: {
  points: readonly SplitPoint[];
  levels: readonly SplitLevel[];
  onChange: (levels: SplitLevel[]) => void;
  idPrefix: string;
  rowClass: string;
  actionsClass: string;
}) {
  const { t } = useTranslation('cost');
  const setLevel = (j: number, level: Partial<SplitLevel>): void => {
    onChange(levels.map((l, i) => (i === j ? { ...l, ...level } : l)));
  };
  return (
    <>
      {levels.map((level, j) => (
        <div className={rowClass} key={j}>
          <label htmlFor={`${idPrefix}-at-${j}`}>{t('methods.splitNet.levelAfter', { n: j + 1 })}</label>
          <select
            id={`${idPrefix}-at-${j}`}
            value={level.at}
            onChange={(e) => {
              setLevel(j, { at: e.target.value });
            }}
          >
            {points.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${idPrefix}-groups-${j}`}>{t('methods.splitNet.levelGroups', { n: j + 1 })}</label>
          <input
            id={`${idPrefix}-groups-${j}`}
            type="number"
            min={2}
            max={16}
            value={level.groups}
            onChange={(e) => {
              setLevel(j, { groups: Math.max(2, Math.min(16, Math.round(Number(e.target.value)) || 2)) });
            }}
          />
        </div>
      ))}
      <div className={actionsClass}>
        <button
          type="button"
          disabled={levels.length >= MAX_SPLIT_TREE_LEVELS}
          onClick={() => {
            const last = levels.at(-1);
            const next = points[points.findIndex((p) => p.id === last?.at) + 1] ?? points.at(-1);
            onChange([...levels, { at: next?.id ?? '', groups: 2 }]);
          }}
        >
          {t('methods.splitNet.addLevel')}
        </button>
        <button
          type="button"
          disabled={levels.length <= 1}
          onClick={() => {
            onChange(levels.slice(0, -1));
          }}
        >
          {t('methods.splitNet.removeLevel', { n: levels.length })}
        </button>
      </div>
    </>
  );
}
