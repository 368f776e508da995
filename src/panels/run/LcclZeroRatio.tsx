import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zeroRatio } from '../../core/methods/lccl-method';
import { runtimeClient } from '../../runtime/client';
import { designKey, featureTargets, lcclTargetId } from '../../runtime/targets';
import { analysisOf } from '../../state/analysis';
import { studio, useStudio } from '../../state/store';
import { useLcclZeros } from '../cost/methods/lccl-zeros';
import { useRunPanel } from './run-store';

/**
 * LCCL: after a run, the share of zeros in each collaborative layer's ReLU output on the image
 * that ran, the z of the effective cost; the Cost tab can use it, labelled with the image.
 */
export function LcclZeroRatio() {
  const { t } = useTranslation('run');
  const design = useStudio((s) => s.design);
  const result = useRunPanel((s) => s.result);
  const zeros = useLcclZeros();
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const lccl = design.nodes.filter((n) => n.kind === 'LcclConv');
  if (lccl.length === 0) return null;
  const key = designKey(design);
  const current = result?.designKey === key ? result : undefined;
  const measure = async (): Promise<void> => {
    if (current === undefined) return;
    setBusy(true);
    setError(undefined);
    const measured = new Map<string, { zeroRatio: number; image: string }>();
    const targets = featureTargets(analysisOf(studio.getState().design));
    for (const node of lccl) {
      const channels = analysisOf(design).nodes.get(node.id)?.outputShapes?.[0]?.[1] ?? 1;
      await runtimeClient().request(
        { type: 'features', designKey: key, targets, nodeId: lcclTargetId(node.id), maxChannels: channels },
        (r) => {
          if (r.type === 'features')
            measured.set(node.id, { zeroRatio: zeroRatio(r.data), image: current.input.label });
          else if (r.type === 'error') setError(r.message);
        },
      );
    }
    useLcclZeros.setState({ designKey: key, zeros: measured, use: true });
    setBusy(false);
  };
  const shown =
    zeros.designKey === key ? zeros.zeros : new Map<string, { zeroRatio: number; image: string }>();
  return (
    <section className="run-section" aria-label={t('lccl.label')}>
      <h3>{t('lccl.title')}</h3>
      <p className="muted">{t('lccl.note')}</p>
      <button
        type="button"
        className="button"
        disabled={current === undefined || busy}
        onClick={() => void measure()}
      >
        {current === undefined ? t('lccl.runFirst') : busy ? t('lccl.measuring') : t('lccl.measure')}
      </button>
      {error !== undefined && <p className="run-error">{error}</p>}
      {shown.size > 0 && (
        <table className="cost-compare" aria-label={t('lccl.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('lccl.layer')}</th>
              <th scope="col">z</th>
              <th scope="col">{t('lccl.image')}</th>
            </tr>
          </thead>
          <tbody>
            {lccl.map((n) => {
              const m = shown.get(n.id);
              return m === undefined ? null : (
                <tr key={n.id}>
                  <th scope="row">{n.label}</th>
                  <td>{m.zeroRatio.toFixed(3)}</td>
                  <td>{m.image}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
