import { useEffect, useRef } from 'react';
import { useStudio } from '../state/store';
import { i18next } from '../i18n';

const LIFETIME_MS = { info: 4000, error: 6000 };
/** How long a notice with an action that does not take the focus stays (time to reach it). */
const OFFER_MS = 12_000;

/** The latest message: at the cursor when it answers a gesture, else in the corner. */
export function NoticeView() {
  const notice = useStudio((s) => s.notice);
  const dismiss = useStudio((s) => s.dismissNotice);
  // A repair on offer waits for an answer; an action offered aside (keepFocus) goes after a while.
  const offers = (notice?.actions?.length ?? 0) > 0;
  const sticky = notice?.details !== undefined || (offers && notice?.keepFocus !== true);
  const firstAction = useRef<HTMLButtonElement>(null);
  // A repair on offer answers what the user just did: put it under their fingers (Enter applies it).
  // After the key that caused it has been handled: an Enter still in flight would press the button.
  const keepFocus = notice?.keepFocus === true;
  useEffect(() => {
    if (keepFocus) return;
    const t = setTimeout(() => {
      firstAction.current?.focus();
    }, 0);
    return () => {
      clearTimeout(t);
    };
  }, [notice?.seq, keepFocus]);
  useEffect(() => {
    if (notice === undefined || sticky) return;
    const t = setTimeout(dismiss, offers ? OFFER_MS : LIFETIME_MS[notice.tone]);
    return () => {
      clearTimeout(t);
    };
  }, [notice, sticky, offers, dismiss]);
  if (notice === undefined) return null;
  const style = notice.at === undefined ? undefined : { left: notice.at.x + 14, top: notice.at.y + 14 };
  return (
    <div
      className={`notice ${notice.tone}${notice.at === undefined ? '' : ' at-cursor'}`}
      style={style}
      role={notice.tone === 'error' ? 'alert' : 'status'}
    >
      <p>{notice.text}</p>
      {notice.details !== undefined && (
        <ul className="notice-details">
          {notice.details.slice(0, 12).map((d, i) => (
            <li key={i}>{d}</li>
          ))}
          {notice.details.length > 12 && (
            <li>{i18next.t('app:notice.more', { count: notice.details.length - 12 })}</li>
          )}
        </ul>
      )}
      {notice.actions !== undefined && notice.actions.length > 0 && (
        <div className="notice-actions">
          {notice.actions.map((a, i) => (
            <button
              key={a.label}
              ref={i === 0 ? firstAction : undefined}
              type="button"
              className="button"
              onClick={() => {
                dismiss();
                a.run();
              }}
            >
              {a.label}
            </button>
          ))}
        </div>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={i18next.t('app:notice.dismiss')}
        onClick={dismiss}
      >
        ×
      </button>
    </div>
  );
}
