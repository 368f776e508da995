import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultImageOptions, exportPng, exportSvg, type ImageOptions } from '../canvas/export-image';

/** The figures a picture may show; each one's label is `picture.<key>`. */
const choices: readonly (keyof ImageOptions)[] = ['multiplyAdds', 'params', 'shape', 'edgeShapes'];

/** Export picture: which figures the cards show, then a PNG at 2× or an SVG of what is on screen. */
export function ImageDialog({ format, onClose }: { format: 'png' | 'svg'; onClose: () => void }) {
  const [options, setOptions] = useState<ImageOptions>(defaultImageOptions);
  const { t } = useTranslation();
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
        <h2 id="image-title">{t('picture.title', { format: t(`picture.${format}`) })}</h2>
        <p className="muted">{t('picture.intro')}</p>
        <fieldset className="image-options">
          <legend>{t('picture.figures')}</legend>
          {choices.map((key) => (
            <label key={key}>
              <input
                type="checkbox"
                checked={options[key]}
                onChange={(e) => {
                  setOptions({ ...options, [key]: e.target.checked });
                }}
              />{' '}
              {t(`picture.${key}`)}
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
            {t('picture.export', { format: format.toUpperCase() })}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('picture.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
