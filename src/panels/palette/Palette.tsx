import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '../../state/catalogue-item';
import { useStudio } from '../../state/store';
import { buildCatalogue, filterCatalogue, type GroupId } from './catalogue';
import { PaletteEntry } from './PaletteEntry';

interface Props {
  readonly onActivate: (item: CatalogueItem, options?: { branch?: boolean }) => void;
}

/** Moves focus between palette items with the arrow keys. */
function moveFocus(e: KeyboardEvent<HTMLElement>) {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const items = [
    ...e.currentTarget.querySelectorAll<HTMLElement>('[data-palette-item], .palette-group-toggle'),
  ];
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at === -1 && e.key === 'ArrowDown') {
    // From the search box, straight to the first item.
    e.preventDefault();
    e.currentTarget.querySelector<HTMLElement>('[data-palette-item]')?.focus();
    return;
  }
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? items.length - 1
        : e.key === 'ArrowDown'
          ? Math.min(items.length - 1, at + 1)
          : Math.max(0, at - 1);
  e.preventDefault();
  items[next]?.focus();
}

export function Palette({ onActivate }: Props) {
  const { t, i18n } = useTranslation('palette');
  const language = i18n.language;
  const userBlocks = useStudio((s) => s.userBlocks);
  const removeUserBlock = useStudio((s) => s.removeUserBlock);
  const [query, setQuery] = useState('');
  const [closed, setClosed] = useState<ReadonlySet<GroupId>>(new Set());
  const groups = useMemo(
    () => filterCatalogue(buildCatalogue(userBlocks, language), query),
    [userBlocks, query, language],
  );
  const searching = query.trim() !== '';
  // Roving focus: one item (the last focused, else the first) is the palette's one Tab stop.
  const [active, setActive] = useState<string | undefined>(undefined);
  const keys = groups.flatMap((g) => [
    `group:${g.id}`,
    ...(searching || !closed.has(g.id) ? g.entries.map((e) => e.key) : []),
  ]);
  const current = active !== undefined && keys.includes(active) ? active : keys[0];
  const stop = (key: string): 0 | -1 => (key === current ? 0 : -1);

  return (
    <nav className="palette" aria-label={t('label')} onKeyDown={moveFocus}>
      <div className="palette-search">
        <input
          id="palette-search"
          type="search"
          placeholder={t('search')}
          aria-label={t('searchLabel')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
          }}
          onKeyDown={(e) => {
            const first = groups[0]?.entries[0];
            if (e.key === 'Enter' && first !== undefined) onActivate(first.item, { branch: e.shiftKey });
            if (e.key === 'Escape') {
              // Escape leaves the search (cleared) for the canvas, as it leaves every other field.
              e.stopPropagation();
              setQuery('');
              document.getElementById('canvas')?.focus();
            }
          }}
        />
      </div>
      <div className="palette-groups">
        {groups.length === 0 && <p className="palette-empty">{t('nothing', { query })}</p>}
        {groups.map((g) => {
          const open = searching || !closed.has(g.id);
          return (
            <section key={g.id} className="palette-group" aria-labelledby={`group-${g.id}`}>
              <h2 className="palette-group-title" id={`group-${g.id}`}>
                <button
                  type="button"
                  className="palette-group-toggle"
                  aria-expanded={open}
                  tabIndex={stop(`group:${g.id}`)}
                  onFocus={() => {
                    setActive(`group:${g.id}`);
                  }}
                  onClick={() => {
                    const next = new Set(closed);
                    if (closed.has(g.id)) next.delete(g.id);
                    else next.add(g.id);
                    setClosed(next);
                  }}
                >
                  <span className="chevron" aria-hidden="true">
                    {open ? '▾' : '▸'}
                  </span>
                  {g.title}
                  <span className="count">{g.entries.length}</span>
                </button>
              </h2>
              {open && g.entries.length === 0 && g.id === 'mine' && (
                <p className="palette-hint">{t('mineHint')}</p>
              )}
              {open && (
                <ul className="palette-list">
                  {g.entries.map((entry) => (
                    <PaletteEntry
                      key={entry.key}
                      entry={entry}
                      onActivate={onActivate}
                      tabIndex={stop(entry.key)}
                      onFocus={setActive}
                      {...(entry.item.type === 'user'
                        ? {
                            onRemove: () => {
                              removeUserBlock((entry.item as { id: string }).id);
                            },
                          }
                        : {})}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </nav>
  );
}
