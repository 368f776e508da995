import { useEffect, useMemo } from 'react';
import { useStudio } from '../../state/store';
import { featureGrid } from './feature-grid';
import { ImageCanvas } from './ImageCanvas';
import { loadFeatures, remedyOf } from './run-actions';
import { useRunPanel } from './run-store';
import { useRunStanding } from './use-standing';
import { useTranslation } from 'react-i18next';

/** The selected node's output channels as an image grid, after a run. */
export function FeatureMaps() {
  const { t } = useTranslation('run');
  const selected = useStudio((s) => (s.selectedNodes.length === 1 ? s.selectedNodes[0] : undefined));
  const label = useStudio((s) => s.design.nodes.find((n) => n.id === selected)?.label);
  const runKey = useRunPanel((s) => s.result?.designKey);
  const features = useRunPanel((s) => s.features);
  const loading = useRunPanel((s) => s.featuresLoading);
  const error = useRunPanel((s) => s.featuresError);
  const standing = useRunStanding();

  useEffect(() => {
    if (selected !== undefined && runKey !== undefined) void loadFeatures(selected);
  }, [selected, runKey]);

  const image = useMemo(() => {
    if (features === undefined) return undefined;
    const [, c = 1, h = 1, w = 1] =
      features.shape.length === 4 ? features.shape : [1, features.data.length, 1, 1];
    const shown = Math.min(c, Math.floor(features.data.length / (h * w)));
    const grid = featureGrid(features.data, shown, h, w);
    return { data: new ImageData(grid.rgba, grid.width, grid.height), shown, total: c };
  }, [features]);

  if (runKey === undefined || standing === 'other') return null;
  return (
    <section className="run-section" aria-labelledby="run-features-title">
      <h3 id="run-features-title">{t('features.title')}</h3>
      {selected === undefined && <p className="run-hint">{t('features.select')}</p>}
      {loading !== undefined && <p role="status">{t('features.computing')}</p>}
      {error !== undefined && selected !== undefined && (
        <p className="run-error-line" role="alert">
          {error.message} {remedyOf(error)}
        </p>
      )}
      {features !== undefined && image !== undefined && features.nodeId === selected && (
        <figure className="run-features">
          <ImageCanvas
            image={image.data}
            label={t('features.of', { label: label ?? features.nodeId })}
            className="run-feature-grid"
          />
          <figcaption>
            {image.shown < image.total
              ? t('features.captionPart', {
                  label: label ?? features.nodeId,
                  shape: features.shape.join('×'),
                  shown: image.shown,
                  total: image.total,
                })
              : t('features.caption', { label: label ?? features.nodeId, shape: features.shape.join('×') })}
          </figcaption>
        </figure>
      )}
    </section>
  );
}
