import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The first tab stops of the page: straight to the canvas's first card or to the side panel's tabs,
 * past the top bar and the palette. Focus moves by script: the page's hash is a share link's.
 */
export function SkipLinks() {
  const { t } = useTranslation();
  const go = (e: MouseEvent, selector: string): void => {
    e.preventDefault();
    const target = document.querySelector<HTMLElement>(selector);
    target?.focus();
  };
  return (
    <div className="skip-links">
      <a
        href="#canvas"
        className="skip-link"
        onClick={(e) => {
          // The first card when there is one, else the canvas itself.
          go(
            e,
            document.querySelector('.react-flow__node[tabindex="0"]')
              ? '.react-flow__node[tabindex="0"]'
              : '#canvas',
          );
        }}
      >
        {t('skip.canvas')}
      </a>
      <a
        href="#side-panel"
        className="skip-link"
        onClick={(e) => {
          go(e, '#side-panel [role="tab"][aria-selected="true"]');
        }}
      >
        {t('skip.side')}
      </a>
    </div>
  );
}
