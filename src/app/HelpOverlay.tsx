import { useEffect, useRef } from 'react';
import { useStudio } from '../state/store';
import { useTranslation } from 'react-i18next';
import {
  gestures,
  gestureText,
  groupLabel,
  keyLabel,
  shortcutLabel,
  shortcuts,
  type ShortcutGroup,
} from './shortcuts';

const groups: readonly ShortcutGroup[] = ['Edit', 'Blocks', 'View', 'File'];

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <span className="keys">
      {keys.map((k, i) => (
        <kbd key={i}>{keyLabel(k)}</kbd>
      ))}
    </span>
  );
}

/** Every shortcut and gesture, from the one table the keyboard handler uses. */
export function HelpOverlay() {
  const open = useStudio((s) => s.helpOpen);
  const setOpen = useStudio((s) => s.setHelpOpen);
  const close = useRef<HTMLButtonElement>(null);
  // Re-rendered when the language changes: every label below is looked up as it is drawn.
  const { t } = useTranslation();
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div
      className="overlay"
      role="presentation"
      onClick={() => {
        setOpen(false);
      }}
    >
      <div
        className="dialog help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onClick={(e) => {
          e.stopPropagation();
        }}
      >
        <div className="dialog-head">
          <h2 id="help-title">{t('app:help.title')}</h2>
          <button
            ref={close}
            type="button"
            className="icon-button"
            aria-label={t('app:help.close')}
            onClick={() => {
              setOpen(false);
            }}
          >
            ×
          </button>
        </div>
        <div className="help-columns">
          {groups.map((g) => (
            <section key={g}>
              <h3>{groupLabel(g)}</h3>
              <dl>
                {shortcuts
                  .filter((s) => s.group === g)
                  .map((s) => (
                    <div key={s.id} className="help-row">
                      <dt>{shortcutLabel(s.id)}</dt>
                      <dd>
                        <Keys keys={s.keys} />
                        {s.alternatives?.map((a, i) => (
                          <span key={i}>
                            {' '}
                            {t('shell:help.or')} <Keys keys={a} />
                          </span>
                        ))}
                      </dd>
                    </div>
                  ))}
              </dl>
            </section>
          ))}
          <section>
            <h3>{t('app:help.mouse')}</h3>
            <dl>
              {gestures.map((id) => {
                const g = gestureText(id);
                return (
                  <div key={id} className="help-row gesture">
                    <dt>{g.what}</dt>
                    <dd>{g.how}</dd>
                  </div>
                );
              })}
            </dl>
          </section>
        </div>
      </div>
    </div>
  );
}
