import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { outputCount } from '../core/design/builder';
import { studio, useStudio } from '../state/store';
import { connectTargets } from './connect-targets';

/**
 * Connecting from the keyboard: pick an output of the selected node, then one of the inputs it can
 * feed from a searchable list (arrows move, Enter connects, Escape closes).
 */
export function ConnectDialog() {
  const fromId = useStudio((s) => s.connectFrom);
  const design = useStudio((s) => s.design);
  const { t } = useTranslation();
  const close = () => {
    studio.getState().setConnectFrom(undefined);
  };
  const node = design.nodes.find((n) => n.id === fromId);
  const [port, setPort] = useState(0);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const search = useRef<HTMLInputElement>(null);
  const listId = useId();
  const targets = useMemo(
    () => (node === undefined ? [] : connectTargets(design, { node: node.id, port }, query, t)),
    [design, node, port, query, t],
  );
  useEffect(() => {
    search.current?.focus();
  }, [fromId]);
  if (node === undefined) return null;
  const outputs = outputCount(node);
  const chosen = targets[Math.min(active, targets.length - 1)];
  const pick = (index: number) => {
    const target = targets[index];
    if (target === undefined) return;
    const s = studio.getState();
    const verdict = s.connectPorts({ node: node.id, port }, target.to);
    close();
    s.notify(
      verdict.ok
        ? {
            text: t('actions:connect.done', {
              from: t('canvas:portOut', { label: node.label, n: port + 1 }),
              to: target.name,
            }),
            tone: 'info',
          }
        : { text: t('actions:connect.refused', { reason: verdict.reason }), tone: 'error' },
    );
  };
  return (
    <div className="overlay" role="presentation" onClick={close}>
      <div
        className="dialog connect-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="connect-title"
        onClick={(e) => {
          e.stopPropagation();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          }
        }}
      >
        <h2 id="connect-title">{t('actions:connect.title', { node: node.label })}</h2>
        {outputs > 1 && (
          <label className="connect-port">
            {t('actions:connect.from')}
            <select
              value={port}
              onChange={(e) => {
                setPort(Number(e.target.value));
                setActive(0);
              }}
            >
              {Array.from({ length: outputs }, (_, i) => (
                <option key={i} value={i}>
                  {t('actions:connect.output', { n: i + 1 })}
                </option>
              ))}
            </select>
          </label>
        )}
        <input
          ref={search}
          type="search"
          className="connect-search"
          role="combobox"
          aria-label={t('actions:connect.search')}
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={chosen === undefined ? undefined : `${listId}-${chosen.key}`}
          placeholder={t('actions:connect.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((a) => Math.min(targets.length - 1, a + 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
            else if (e.key === 'Enter') pick(Math.min(active, targets.length - 1));
            else return;
            e.preventDefault();
          }}
        />
        <ul className="connect-list" id={listId} role="listbox" aria-label={t('actions:connect.list')}>
          {targets.map((target, i) => (
            <li
              key={target.key}
              id={`${listId}-${target.key}`}
              role="option"
              aria-selected={target === chosen}
              className={target === chosen ? 'active' : undefined}
              onClick={() => {
                pick(i);
              }}
            >
              <span className="connect-name">{target.name}</span>
              <span className="muted">{target.detail}</span>
            </li>
          ))}
        </ul>
        {targets.length === 0 && (
          <p className="muted">
            {query === '' ? t('actions:connect.none') : t('actions:connect.noneMatching', { query })}
          </p>
        )}
      </div>
    </div>
  );
}
