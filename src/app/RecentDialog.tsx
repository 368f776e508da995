import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../state/store';
import { deleteDocument, openSavedDocument } from '../ui/documents';

/** When a document was last edited, in the reader's language ("7 Dec 2026, 14:05"). */
const whenText = (ms: number, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));

/**
 * File → Recent designs: every design in this browser, newest edit first, with its picture; open
 * one, or delete one (asked first, and undoable from the notice until the next reload).
 */
export function RecentDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation('app');
  const documents = useStudio((s) => s.documents);
  const current = useStudio((s) => s.documentId);
  const [asking, setAsking] = useState<string | undefined>(undefined);
  const first = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);
  useEffect(() => {
    if (asking !== undefined) confirmButton.current?.focus();
  }, [asking]);
  const shown = documents
    .filter((d) => d.deletedAt === undefined)
    .sort((a, b) => (a.id === current ? -1 : b.id === current ? 1 : b.editedAt - a.editedAt));
  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div
        className="dialog recent-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="recent-title"
        onClick={(e) => {
          e.stopPropagation();
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          if (asking === undefined) onClose();
          else setAsking(undefined);
          e.stopPropagation();
        }}
      >
        <h2 id="recent-title">{t('recent.title')}</h2>
        <p className="muted">{t('recent.intro')}</p>
        {shown.length <= 1 && <p className="muted">{t('recent.empty')}</p>}
        <ul className="recent-list" aria-label={t('recent.listLabel')}>
          {shown.map((d, i) => {
            const open = d.id === current;
            return (
              <li key={d.id} className={open ? 'recent-item current' : 'recent-item'}>
                <img className="recent-thumb" src={d.thumbnail} alt="" width={120} height={80} />
                <div className="recent-text">
                  <strong className="recent-name">{d.name}</strong>
                  <span className="muted">
                    {open
                      ? t('recent.current')
                      : t('recent.edited', { when: whenText(d.editedAt, i18n.language) })}
                  </span>
                  {asking === d.id && (
                    <div
                      className="recent-confirm"
                      role="group"
                      aria-label={t('recent.deleteName', { name: d.name })}
                    >
                      <p>{t('recent.confirm', { name: d.name })}</p>
                      <button
                        ref={confirmButton}
                        type="button"
                        className="button danger"
                        onClick={() => {
                          setAsking(undefined);
                          deleteDocument(d.id);
                        }}
                      >
                        {t('recent.confirmDelete')}
                      </button>{' '}
                      <button
                        type="button"
                        className="button"
                        onClick={() => {
                          setAsking(undefined);
                        }}
                      >
                        {t('recent.cancel')}
                      </button>
                    </div>
                  )}
                </div>
                {!open && asking !== d.id && (
                  <div className="recent-actions">
                    <button
                      ref={i === 1 ? first : undefined}
                      type="button"
                      className="button primary"
                      aria-label={t('recent.openName', { name: d.name })}
                      onClick={() => {
                        onClose();
                        void openSavedDocument(d.id);
                      }}
                    >
                      {t('recent.open')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-label={t('recent.deleteName', { name: d.name })}
                      onClick={() => {
                        setAsking(d.id);
                      }}
                    >
                      {t('recent.delete')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
        <div className="dialog-actions">
          <button
            type="button"
            className="button"
            onClick={onClose}
            ref={shown.length <= 1 ? first : undefined}
          >
            {t('recent.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
