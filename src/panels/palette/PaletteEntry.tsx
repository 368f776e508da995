import { memo, useId, type DragEvent, type KeyboardEvent } from 'react';
import { ITEM_MIME, type CatalogueItem } from '../../state/catalogue-item';
import type { CatalogueEntry } from './catalogue';

interface Props {
  readonly entry: CatalogueEntry;
  readonly onActivate: (item: CatalogueItem) => void;
  readonly onRemove?: () => void;
}

/** One palette item: drag it onto the canvas, or press Enter / double-click to add it. */
export const PaletteEntry = memo(function PaletteEntry({ entry, onActivate, onRemove }: Props) {
  const describedBy = useId();
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(ITEM_MIME, JSON.stringify(entry.item));
    e.dataTransfer.effectAllowed = 'copy';
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      onActivate(entry.item);
    }
  };
  const action = entry.item.type === 'preset' || entry.item.type === 'example' ? 'open it' : 'add it';
  return (
    <li className="palette-entry">
      <button
        type="button"
        className="palette-item"
        data-palette-item
        draggable
        aria-label={entry.title}
        aria-describedby={describedBy}
        title={`Drag onto the canvas, or press Enter to ${action}`}
        onDragStart={onDragStart}
        onDoubleClick={() => {
          onActivate(entry.item);
        }}
        onKeyDown={onKeyDown}
      >
        <span className="palette-item-title">
          {entry.stripe !== undefined && <span className={`dot stripe-${entry.stripe}`} aria-hidden="true" />}
          {entry.title}
        </span>
        <span className="palette-item-description" id={describedBy}>
          {entry.description}
          {entry.paper !== undefined && <span className="palette-item-paper">{entry.paper}</span>}
        </span>
      </button>
      {onRemove !== undefined && (
        <button
          type="button"
          className="icon-button palette-remove"
          aria-label={`Remove ${entry.title} from My blocks`}
          onClick={onRemove}
        >
          ×
        </button>
      )}
    </li>
  );
});
