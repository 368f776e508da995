import { useWeightsOrigin } from '../../state/hooks';
import { useStudio } from '../../state/store';
import { useTranslation } from 'react-i18next';
import { trainedBy } from '../../core/results/provenance';

/**
 * Where this node's weights come from, in a design with imported weights: the file, or fresh
 * initialisation for the layers an edit changed or added (derived from the design, never stored).
 */
export function NodeWeights({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation('inspector');
  const origin = useWeightsOrigin();
  const notKept = useStudio((s) => s.weightsNotKept);
  const trained = useStudio((s) => trainedBy(s.design));
  if (origin.source === undefined) return null;
  const fresh = origin.fresh.filter((l) => l.nodeId === nodeId);
  // Weights trained in the Train tab name their result, not a file: say what they learnt from.
  const source =
    trained === undefined ? origin.source : t('weights.training', { dataset: trained.dataset.name });
  const text =
    fresh.length === 0
      ? trained === undefined
        ? t('weights.imported', { source })
        : t('weights.trained', { dataset: trained.dataset.name })
      : fresh.length === 1 && fresh[0]?.key === nodeId
        ? t('weights.fresh', { source })
        : t('weights.freshLayers', {
            count: fresh.length,
            source,
            names: fresh.map((l) => l.name).join(', '),
          });
  return (
    <section className="inspector-section" aria-label={t('weights.title')}>
      <h3>{t('weights.title')}</h3>
      <p className={fresh.length > 0 ? 'weights-fresh' : 'muted'}>{text}</p>
      {notKept !== undefined && <p className="muted">{t('weights.notKept', { why: notKept })}</p>}
    </section>
  );
}
