import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Design, DesignNode } from '../../core/design/design-types';
import type { InceptionResult, Resized } from '../../core/methods/deeprebirth-inception-method';
import type { MergeResult } from '../../core/methods/deeprebirth-method';
import { layoutDesign } from '../../canvas/auto-layout';
import { formatCount } from '../../i18n/numbers';
import { sayRefusal } from '../../i18n/say';
import { studio } from '../../state/store';
import { CompareTable } from '../cost/CompareTable';

const FIGURES = ['params', 'multiplyAdds', 'memoryAccess'] as const;

/** Which of DeepRebirth's edits a section offers (its texts are `rebirth.<kind>.*`). */
export type RebirthKind = 'streamline' | 'branch' | 'inception' | 'slim';

interface Props {
  readonly kind: RebirthKind;
  readonly node: DesignNode;
  /** The design the edit starts from. */
  readonly design: Design;
  readonly result: MergeResult | InceptionResult;
  /** The convs whose width the edit changes (they start from fresh weights). */
  readonly resized?: readonly Resized[];
  /** Settings of the edit, above its figures. */
  readonly children?: ReactNode;
}

/**
 * One of DeepRebirth's edits for the selected node: what it does, the design's totals before and
 * after, and a button that applies it as one edit (one Undo takes it back), laid out afresh so no gap
 * is left where the merged layers stood.
 */
export function RebirthSection({ kind, node, design, result, resized = [], children }: Props) {
  const { t } = useTranslation('inspector');
  return (
    <section className="inspector-section rebirth-merge" aria-label={t(`rebirth.${kind}.title`)}>
      {/* The method's name keeps its case (the heading is upper-cased by style). */}
      <h3>
        {t(`rebirth.${kind}.apply`)} <span className="muted">{t(`rebirth.${kind}.method`)}</span>
      </h3>
      <p className="muted">{t(`rebirth.${kind}.what`)}</p>
      {children}
      {result.ok ? (
        <>
          <CompareTable
            label={t(`rebirth.${kind}.tableLabel`, { label: node.label })}
            sides={[t('rebirth.before'), t('rebirth.after')]}
            against={t('rebirth.against')}
            rows={FIGURES.map((key) => ({
              key,
              label: t(`rebirth.${key}`),
              before: result.before[key],
              after: result.after[key],
            }))}
          />
          {resized.length > 0 && (
            <ul className="muted rebirth-resized">
              {resized.map((c) => (
                <li key={c.label}>
                  {t('rebirth.resized', { label: c.label, before: c.before, after: c.after })}
                </li>
              ))}
            </ul>
          )}
          {result.removed.length > 0 && (
            <p className="muted">{t('rebirth.removed', { names: result.removed.join(', ') })}</p>
          )}
          {resized.length > 0 && <p className="muted">{t('rebirth.fresh')}</p>}
          <button
            type="button"
            className="button"
            onClick={() => {
              const text = t(`rebirth.${kind}.done`, {
                names: (result.removed.length > 0 ? result.removed : resized.map((c) => c.label)).join(', '),
                before: formatCount(result.before.multiplyAdds),
                after: formatCount(result.after.multiplyAdds),
                memoryBefore: formatCount(result.before.memoryAccess),
                memoryAfter: formatCount(result.after.memoryAccess),
              });
              void layoutDesign(result.design).then((d) => {
                const store = studio.getState();
                if (store.design !== design) return; // edited meanwhile: the edit no longer applies
                store.replaceDesign(d);
                store.requestFit();
                store.notify({ tone: 'info', text });
              });
            }}
          >
            {t(`rebirth.${kind}.apply`)}
          </button>
        </>
      ) : (
        <p className="problem warning">{sayRefusal(result)}</p>
      )}
    </section>
  );
}
