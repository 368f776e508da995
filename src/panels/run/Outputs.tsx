import { useMemo } from 'react';
import { isDistribution, softmax, summarize, topK } from '../../runtime/outputs';
import type { OutputTensor } from '../../runtime/protocol';
import { useClassNames } from './classes';
import { WeightsLine } from './WeightsNote';
import { useTranslation } from 'react-i18next';
import { trainedBy } from '../../core/results/provenance';
import { useStudio } from '../../state/store';
import { formatValue } from '../../i18n/numbers';

/**
 * Top-5 classes: the trained dataset's for a design trained here (one score per class), ImageNet's for
 * a 1000-class output; shape and a summary for any other.
 */
export function OutputView({ output }: { output: OutputTensor }) {
  const trained = useStudio((s) => trainedBy(s.design)?.dataset.classNames);
  const flat = output.shape.length <= 2;
  if (flat && trained !== undefined && output.data.length === trained.length)
    return <TopFive output={output} names={trained} />;
  return flat && output.data.length === 1000 ? (
    <ImageNetTopFive output={output} />
  ) : (
    <Summary output={output} />
  );
}

function ImageNetTopFive({ output }: { output: OutputTensor }) {
  return <TopFive output={output} names={useClassNames()} />;
}

function TopFive({ output, names }: { output: OutputTensor; names: readonly string[] | undefined }) {
  const { t } = useTranslation('run');
  const ranked = useMemo(() => {
    const probs = isDistribution(output.data) ? output.data : softmax(output.data);
    return topK(probs, Math.min(5, probs.length));
  }, [output]);
  return (
    <div className="run-top5">
      <h4 id={`top5-${output.name}`}>{t('top5', { name: output.name })}</h4>
      <WeightsLine id={`top5-weights-${output.name}`} />
      <ol aria-labelledby={`top5-${output.name}`} aria-describedby={`top5-weights-${output.name}`}>
        {ranked.map((r) => {
          const name = names?.[r.index] ?? t('className', { index: r.index });
          const pct = (r.probability * 100).toFixed(1);
          return (
            <li key={r.index} aria-label={`${name}: ${pct}%`}>
              <span className="run-top5-name" title={t('className', { index: r.index })}>
                {name}
              </span>
              <span className="run-bar" aria-hidden="true">
                <span style={{ width: `${Math.max(0.5, r.probability * 100)}%` }} />
              </span>
              <span className="run-top5-pct">{pct}%</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function Summary({ output }: { output: OutputTensor }) {
  const { t } = useTranslation('run');
  const s = useMemo(() => summarize(output.data), [output]);
  const peak = Math.max(1, ...s.histogram);
  return (
    <div className="run-summary">
      <h4>
        “{output.name}” {output.shape.join('×')}
      </h4>
      <dl>
        <dt>{t('summary.min')}</dt>
        <dd>{formatValue(s.min)}</dd>
        <dt>{t('summary.max')}</dt>
        <dd>{formatValue(s.max)}</dd>
        <dt>{t('summary.mean')}</dt>
        <dd>{formatValue(s.mean)}</dd>
        {s.nonFinite > 0 && (
          <>
            <dt>{t('notFinite')}</dt>
            <dd>{s.nonFinite}</dd>
          </>
        )}
      </dl>
      <svg
        className="run-histogram"
        viewBox={`0 0 ${s.histogram.length * 6} 40`}
        role="img"
        aria-label={t('summary.histogram')}
      >
        {s.histogram.map((count, i) => {
          const h = (count / peak) * 38;
          return <rect key={i} x={i * 6} y={40 - h} width={5} height={h} />;
        })}
      </svg>
    </div>
  );
}
