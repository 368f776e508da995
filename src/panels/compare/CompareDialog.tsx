import { useEffect, useMemo, useRef, useState } from 'react';
import { kindTitle } from '../../i18n/core-text';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../core/analysis/analysis-types';
import { currentLanguage } from '../../i18n';
import { analysisOf } from '../../state/analysis';
import { studio, useStudio } from '../../state/store';
import { findPreset } from '../../core/presets/preset-registry';
import { DifferenceChart } from './DifferenceChart';
import {
  accuracyRow,
  pairFigures,
  pairRows,
  pairStatus,
  totalRows,
  type PairFigure,
  type PairRow,
} from './compare-data';
import { resolveSource, sourceOptions, type SourceId } from './sources';
import './compare.css';
import { formatCount, formatExact, formatRatio } from '../../i18n/numbers';

/** Without a pinned baseline, the design starts against MobileNet v1, the network most compact designs answer. */
const defaultLeft = (): SourceId =>
  findPreset('mobilenet_v1') === undefined ? 'current' : 'preset:mobilenet_v1';

/** Any two designs side by side: totals, a structural pairing block by block, and a chart of the differences. */
export function CompareDialog() {
  const open = useStudio((s) => s.compareOpen);
  if (!open) return null;
  return (
    <CompareBody
      onClose={() => {
        studio.getState().setCompareOpen(false);
      }}
    />
  );
}

function CompareBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('compare');
  const design = useStudio((s) => s.design);
  const baseline = useStudio((s) => s.baseline);
  const [left, setLeft] = useState<SourceId>(baseline === undefined ? defaultLeft() : 'baseline');
  const [right, setRight] = useState<SourceId>('current');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);
  // Presets and examples are built once per choice; the session's designs follow their edits.
  const leftDesign = useMemo(() => resolveSource(left, { design, baseline }), [left, design, baseline]);
  const rightDesign = useMemo(() => resolveSource(right, { design, baseline }), [right, design, baseline]);
  const a = leftDesign === undefined ? undefined : analysisOf(leftDesign);
  const b = rightDesign === undefined ? undefined : analysisOf(rightDesign);
  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div
        className="dialog compare-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="compare-title"
        onClick={(e) => {
          e.stopPropagation();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <div className="dialog-head">
          <h2 id="compare-title">{t('title')}</h2>
          <button type="button" className="button" onClick={onClose}>
            {t('close')}
          </button>
        </div>
        <div className="compare-pickers">
          <SourcePicker label={t('left')} value={left} onChange={setLeft} selectRef={first} />
          <button
            type="button"
            className="button"
            onClick={() => {
              setLeft(right);
              setRight(left);
            }}
          >
            ⇄ {t('swap')}
          </button>
          <SourcePicker label={t('right')} value={right} onChange={setRight} />
        </div>
        {a === undefined || b === undefined ? (
          <p role="alert" className="compare-missing">
            {t('missing')}
          </p>
        ) : (
          <Comparison left={a} right={b} />
        )}
        <p className="muted compare-convention">{t('convention')}</p>
      </div>
    </div>
  );
}

interface PickerProps {
  readonly label: string;
  readonly value: SourceId;
  readonly onChange: (id: SourceId) => void;
  readonly selectRef?: React.Ref<HTMLSelectElement>;
}

function SourcePicker({ label, value, onChange, selectRef }: PickerProps) {
  const { t } = useTranslation('compare');
  const designName = useStudio((s) => s.design.name);
  const baseline = useStudio((s) => s.baseline);
  const options = sourceOptions(baseline !== undefined);
  const name = (id: SourceId, title: string): string =>
    id === 'current'
      ? t('current', { name: designName })
      : id === 'baseline'
        ? t('baseline', { name: baseline?.name ?? '' })
        : title;
  const groups = ['design', 'preset', 'example'] as const;
  return (
    <label className="compare-picker">
      <span>{label}</span>
      <select
        ref={selectRef}
        value={value}
        onChange={(e) => {
          onChange(e.target.value as SourceId);
        }}
      >
        {groups.map((g) => (
          <optgroup key={g} label={t(`groups.${g}`)}>
            {options
              .filter((o) => o.group === g)
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {name(o.id, o.title)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

function Comparison({ left, right }: { left: Analysis; right: Analysis }) {
  const { t } = useTranslation('compare');
  const lang = currentLanguage();
  const [figure, setFigure] = useState<PairFigure>('multiplyAdds');
  const [showSame, setShowSame] = useState(false);
  const totals = useMemo(() => totalRows(left, right), [left, right]);
  const accuracy = useMemo(() => accuracyRow(left.design, right.design), [left, right]);
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const rows = useMemo(() => pairRows(left, right), [left, right]);
  const tagged = rows.map((r) => ({ ...r, status: pairStatus(r, figure) }));
  const count = (s: PairRow['status']) => tagged.filter((r) => r.status === s).length;
  const shown = tagged.filter((r) => showSame || r.status !== 'same');
  const n = (v: number) => formatCount(v, lang);
  const delta = (v: number) => (v > 0 ? `+${n(v)}` : v < 0 ? `−${n(-v)}` : '0');
  return (
    <div className="compare-body">
      <section aria-labelledby="compare-totals">
        <h3 id="compare-totals">{t('totals')}</h3>
        <table className="compare-table" data-kind="totals" aria-label={t('totals')}>
          <thead>
            <tr>
              <th scope="col">{t('figure')}</th>
              <th scope="col">{left.design.name}</th>
              <th scope="col">{right.design.name}</th>
              <th scope="col">{t('change')}</th>
              <th scope="col">{t('ratio')}</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((r) => (
              <tr key={r.key} data-figure={r.key}>
                <th scope="row">{t(`figures.${r.key}`)}</th>
                <td title={formatExact(r.left, lang)}>{n(r.left)}</td>
                <td title={formatExact(r.right, lang)}>{n(r.right)}</td>
                <td>{delta(r.delta)}</td>
                <td>{r.ratio === undefined ? '–' : `${formatRatio(r.ratio, lang)}×`}</td>
              </tr>
            ))}
            {accuracy !== undefined && (
              <tr data-figure="accuracy">
                <th scope="row">{t('accuracy', { dataset: accuracy.dataset })}</th>
                <td>{pct(accuracy.left)}</td>
                <td>{pct(accuracy.right)}</td>
                <td>
                  {t('points', {
                    delta: `${accuracy.delta >= 0 ? '+' : '−'}${(Math.abs(accuracy.delta) * 100).toFixed(1)}`,
                  })}
                </td>
                <td>–</td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="compare-chart">
        <div className="compare-section-head">
          <h3 id="compare-chart">{t('chart')}</h3>
          <label className="compare-picker inline">
            <span>{t('chartFigure')}</span>
            <select
              value={figure}
              onChange={(e) => {
                setFigure(e.target.value as PairFigure);
              }}
            >
              {pairFigures.map((f) => (
                <option key={f} value={f}>
                  {t(`figures.${f}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <DifferenceChart rows={rows} figure={figure} />
      </section>
      <section aria-labelledby="compare-pairs" className="compare-pairs">
        <div className="compare-section-head">
          <h3 id="compare-pairs">{t('pairs')}</h3>
          <label className="cost-inline-check">
            <input
              type="checkbox"
              checked={showSame}
              onChange={(e) => {
                setShowSame(e.target.checked);
              }}
            />{' '}
            {t('showSame')}
          </label>
        </div>
        <p className="muted">
          {t('summary', {
            matched: count('same') + count('changed'),
            changed: count('changed'),
            added: count('added'),
            removed: count('removed'),
          })}
        </p>
        {/* A scrolling region is reachable by keyboard (axe: scrollable-region-focusable). */}
        <div className="compare-scroll" tabIndex={0} role="region" aria-labelledby="compare-pairs">
          <table className="compare-table" data-kind="pairs" aria-label={t('pairs')}>
            <thead>
              <tr>
                <th scope="col">{t('position')}</th>
                <th scope="col">{t('kind')}</th>
                <th scope="col">{left.design.name}</th>
                <th scope="col">{right.design.name}</th>
                <th scope="col">{t(`figures.${figure}`)}</th>
                <th scope="col">{t('change')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.position} data-status={r.status}>
                  <td>{r.position}</td>
                  <th scope="row">
                    <span>{kindTitle(r.kind)}</span>{' '}
                    <span className={`compare-status ${r.status}`}>{t(`status.${r.status}`)}</span>
                  </th>
                  <td>{r.leftLabel ?? '–'}</td>
                  <td>{r.rightLabel ?? '–'}</td>
                  <td title={`${formatExact(r.left[figure], lang)} → ${formatExact(r.right[figure], lang)}`}>
                    {n(r.left[figure])} → {n(r.right[figure])}
                  </td>
                  <td>{delta(r.right[figure] - r.left[figure])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
