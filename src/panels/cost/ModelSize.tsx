import { precisions } from './figure-defs';
import { Tip } from './Tip';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatExact } from '../../i18n/numbers';

/** Weight storage at fp32, fp16 and int8. */
export function ModelSize({ params }: { params: number }) {
  const { t } = useTranslation('cost');
  return (
    <div className="cost-model-size" role="group" aria-label={t('modelSize.label')}>
      <span className="cost-model-size-title">
        {t('modelSize.title')} <span className="muted cost-convention">{t('modelSize.convention')}</span>
      </span>
      {precisions.map((p) => {
        const bytes = params * p.bytes;
        return (
          <span key={p.id} className="cost-size" data-precision={p.id}>
            <span className="muted">{p.id}</span>{' '}
            <Tip
              label={t('modelSize.at', { precision: p.id, bytes: formatExact(bytes) })}
              tip={
                <>
                  <strong className="cost-tip-exact">
                    {t('modelSize.bytes', { bytes: formatExact(bytes) })}
                  </strong>
                  <span>{t('modelSizeDefinition')}</span>
                  <code>{t('modelSize.product', { params: formatExact(params), bytes: p.bytes })}</code>
                </>
              }
            >
              <strong data-testid="size-value">{formatBytes(bytes)}</strong>
            </Tip>
          </span>
        );
      })}
    </div>
  );
}
