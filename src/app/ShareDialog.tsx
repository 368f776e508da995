import { useEffect, useRef, useState } from 'react';
import { useStudio } from '../state/store';
import { shareLink } from './file-actions';
import { useTranslation } from 'react-i18next';

/** The share link in a field to copy; the whole design travels in it, nothing is uploaded. */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('app');
  const [link] = useState(shareLink);
  const hasWeights = useStudio((s) => s.design.weights !== undefined);
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.select();
  }, []);
  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="share-title"
        onClick={(e) => {
          e.stopPropagation();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id="share-title">{t('share.title')}</h2>
        <p className="muted">{t('share.size', { count: link.length })}</p>
        {hasWeights && <p className="muted">{t('share.noWeights')}</p>}
        <input ref={field} className="share-link" aria-label={t('share.title')} readOnly value={link} />
        <div className="dialog-actions">
          <button
            type="button"
            className="button primary"
            onClick={() => {
              void navigator.clipboard.writeText(link).then(
                () => {
                  setCopied(true);
                },
                () => {
                  field.current?.select();
                },
              );
            }}
          >
            {copied ? t('share.copied') : t('share.copy')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('share.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
