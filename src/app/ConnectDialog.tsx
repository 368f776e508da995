import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { outputCount } from '../core/graph/builder';
import { studio, useStudio } from '../state/store';
import { connectTargets } from './connect-targets';

/**
 * Connecting from the keyboard: pick an output of the selected node, then one of the inputs it can
 * feed from a searchable list (arrows move, Enter connects, Escape closes).
 */
export function ConnectDialog() {
  const fromId = useStudio((s) => s.connectFrom);
  const design = useStudio((s) => s.design);
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
    () => (node === undefined ? [] : connectTargets(design, { node: node.id, port }, query)),
    [design, node, port, query],
  );
  useEffect(() => {
    search.current?.focus();
  }, [fromId]);
  if (node === undefined) return null;
  const outputs = outputCount(node);
  const chosen = targets[Math.min(active, targets.length - 1)];
  const pick = (index: number) => {
    const t = targets[index];
    if (t === undefined) return;
    const s = studio.getState();
    const verdict = s.connectPorts({ node: node.id, port }, t.to);
    close();
    s.notify(
      verdict.ok
        ? { text: `Connected ${node.label} output ${port + 1} to ${t.name}.`, tone: 'info' }
        : { text: `Cannot connect. ${verdict.reason}`, tone: 'error' },
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
        <h2 id="connect-title">Connect {node.label}</h2>
        {outputs > 1 && (
          <label className="connect-port">
            From
            <select
              value={port}
              onChange={(e) => {
                setPort(Number(e.target.value));
                setActive(0);
              }}
            >
              {Array.from({ length: outputs }, (_, i) => (
                <option key={i} value={i}>
                  output {i + 1}
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
          aria-label="Find an input to connect to"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={chosen === undefined ? undefined : `${listId}-${chosen.key}`}
          placeholder="Type a name: conv, pool, output…"
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
        <ul className="connect-list" id={listId} role="listbox" aria-label="Inputs it can feed">
          {targets.map((t, i) => (
            <li
              key={t.key}
              id={`${listId}-${t.key}`}
              role="option"
              aria-selected={t === chosen}
              className={t === chosen ? 'active' : undefined}
              onClick={() => {
                pick(i);
              }}
            >
              <span className="connect-name">{t.name}</span>
              <span className="muted">{t.detail}</span>
            </li>
          ))}
        </ul>
        {targets.length === 0 && (
          <p className="muted">
            No free input can take this output{query === '' ? '' : ` matching “${query}”`}.
          </p>
        )}
      </div>
    </div>
  );
}
