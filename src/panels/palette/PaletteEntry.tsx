import { memo, useId, type DragEvent, type KeyboardEvent } from 'react';
import { ITEM_MIME, SPLICE_MIME, type CatalogueItem } from '../../state/catalogue-item';
import type { CatalogueEntry } from './catalogue';
import { useTranslation } from 'react-i18next';

interface Props {
  readonly entry: CatalogueEntry;
  readonly onActivate: (item: CatalogueItem, options?: { branch?: boolean }) => void;
  readonly onRemove?: () => void;
  /** Roving focus: the palette is one Tab stop; arrows move inside. */
  readonly tabIndex: 0 | -1;
  readonly onFocus: (key: string) => void;
}

/** One palette item: drag it onto the canvas, or press Enter / double-click to add it. */
export const PaletteEntry = memo(function PaletteEntry({
  entry,
  onActivate,
  onRemove,
  tabIndex,
  onFocus,
}: Props) {
  const describedBy = useId();
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(ITEM_MIME, JSON.stringify(entry.item));
    if (entry.item.type === 'node') e.dataTransfer.setData(SPLICE_MIME, '1');
    e.dataTransfer.effectAllowed = 'copy';
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      // Shift+Enter: beside the selected node, as a branch, not into its wire.
      onActivate(entry.item, { branch: e.shiftKey });
    }
    if (e.key === 'Delete' && onRemove !== undefined) {
      e.preventDefault();
      e.stopPropagation();
      onRemove();
    }
  };
  const { t } = useTranslation('palette');
  const action =
    entry.item.type === 'preset' || entry.item.type === 'example'
      ? t('dragOpen')
      : entry.item.type === 'node'
        ? t('dragAddNode')
        : t('dragAdd');
  // The button's name is its visible text (the title); the description beside it describes it.
  return (
    <li
      className="palette-entry"
      draggable
      title={action}
      onDragStart={onDragStart}
      onDoubleClick={() => {
        onActivate(entry.item);
      }}
    >
      <button
        type="button"
        className="palette-item"
        data-palette-item
        tabIndex={tabIndex}
        onFocus={() => {
          onFocus(entry.key);
        }}
        aria-describedby={describedBy}
        onKeyDown={onKeyDown}
      >
        <span className="palette-item-title">
          {entry.stripe !== undefined && <span className={`dot stripe-${entry.stripe}`} aria-hidden="true" />}
          {entry.title}
        </span>
      </button>
      <span className="palette-item-description" id={describedBy}>
        {entry.description}
        {entry.paper !== undefined && <span className="palette-item-paper">{entry.paper}</span>}
      </span>
      {onRemove !== undefined && (
        <button
          type="button"
          className="icon-button palette-remove"
          tabIndex={-1}
          aria-label={t('remove', { title: entry.title })}
          onClick={onRemove}
        >
          ×
        </button>
      )}
    </li>
  );
});
