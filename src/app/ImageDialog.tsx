import { useState } from 'react';
import { defaultImageOptions, exportPng, exportSvg, type ImageOptions } from '../canvas/export-image';

const choices: readonly { key: keyof ImageOptions; label: string }[] = [
  { key: 'multiplyAdds', label: 'Multiply-adds on each card' },
  { key: 'params', label: 'Parameters on each card' },
  { key: 'shape', label: 'Output shape on each card' },
  { key: 'edgeShapes', label: 'Tensor shapes on the edges' },
];

/** Export picture: which figures the cards show, then a PNG at 2× or an SVG of what is on screen. */
export function ImageDialog({ format, onClose }: { format: 'png' | 'svg'; onClose: () => void }) {
  const [options, setOptions] = useState<ImageOptions>(defaultImageOptions);
  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="image-title"
        onClick={(e) => {
          e.stopPropagation();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id="image-title">Export picture ({format === 'png' ? 'PNG at 2×' : 'SVG'})</h2>
        <p className="muted">
          What is on the canvas now, with the design’s totals and a legend of the families shown.
        </p>
        <fieldset className="image-options">
          <legend>Figures</legend>
          {choices.map((c) => (
            <label key={c.key}>
              <input
                type="checkbox"
                checked={options[c.key]}
                onChange={(e) => {
                  setOptions({ ...options, [c.key]: e.target.checked });
                }}
              />{' '}
              {c.label}
            </label>
          ))}
        </fieldset>
        <div className="dialog-actions">
          <button
            type="button"
            className="button primary"
            autoFocus
            onClick={() => {
              if (format === 'png') void exportPng(options).then(onClose);
              else {
                exportSvg(options);
                onClose();
              }
            }}
          >
            Export {format.toUpperCase()}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
