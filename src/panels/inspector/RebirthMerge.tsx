import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesignNode } from '../../core/design/design-types';
import { branchMerge, streamlineMerge } from '../../core/methods/deeprebirth-method';
import { layoutDesign } from '../../canvas/auto-layout';
import { formatCount } from '../../i18n/numbers';
import { sayRefusal } from '../../i18n/say';
import { studio, useStudio } from '../../state/store';
import { CompareTable } from '../cost/CompareTable';

const FIGURES = ['params', 'multiplyAdds', 'memoryAccess'] as const;

/**
 * DeepRebirth's merges for the selected node, with the design's totals before and after: a pool
 * merged into the conv before it (streamline), a Concat's conv branches into one conv (branch).
 * Applying is one edit, so one Undo takes it back.
 */
export function RebirthMerge({ node }: { node: DesignNode }) {
  const { t } = useTranslation('inspector');
  const design = useStudio((s) => s.design);
  const kind =
    node.kind === 'MaxPool' || node.kind === 'AvgPool'
      ? 'streamline'
      : node.kind === 'Concat'
        ? 'branch'
        : undefined;
  const result = useMemo(() => {
    if (kind === undefined) return undefined;
    return kind === 'streamline' ? streamlineMerge(design, node.id) : branchMerge(design, node.id);
  }, [design, node.id, kind]);
  if (kind === undefined || result === undefined) return null;
  return (
    <section className="inspector-section rebirth-merge" aria-label={t(`rebirth.${kind}.title`)}>
      {/* The method's name keeps its case (the heading is upper-cased by style). */}
      <h3>
        {t(`rebirth.${kind}.apply`)} <span className="muted">{t(`rebirth.${kind}.method`)}</span>
      </h3>
      <p className="muted">{t(`rebirth.${kind}.what`)}</p>
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
          <p className="muted">{t('rebirth.removed', { names: result.removed.join(', ') })}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              const text = t(`rebirth.${kind}.done`, {
                names: result.removed.join(', '),
                before: formatCount(result.before.multiplyAdds),
                after: formatCount(result.after.multiplyAdds),
                memoryBefore: formatCount(result.before.memoryAccess),
                memoryAfter: formatCount(result.after.memoryAccess),
              });
              // Laid out afresh so no gap is left where the merged layers stood; one edit, one Undo.
              void layoutDesign(result.design).then((d) => {
                const store = studio.getState();
                if (store.design !== design) return; // edited meanwhile: the merge no longer applies
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
