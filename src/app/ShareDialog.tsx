import { useEffect, useRef, useState } from 'react';
import { useStudio } from '../state/store';
import { shareLink } from './file-actions';

/** The share link in a field to copy; the whole design travels in it, nothing is uploaded. */
export function ShareDialog({ onClose }: { onClose: () => void }) {
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
        <h2 id="share-title">Share link</h2>
        <p className="muted">
          The whole design is in the link ({link.length.toLocaleString('en-US')} characters); nothing is
          uploaded.
        </p>
        {hasWeights && (
          <p className="muted">
            The imported model’s weights are too big for a link: it carries the architecture only. Save a file
            (File → Save) to share the weights too.
          </p>
        )}
        <input ref={field} className="share-link" aria-label="Share link" readOnly value={link} />
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
            {copied ? 'Copied' : 'Copy link'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
