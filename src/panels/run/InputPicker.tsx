import { trainedBy } from '../../core/results/provenance';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useStudio } from '../../state/store';
import { ImageCanvas } from './ImageCanvas';
import { SAMPLES, chooseSource, inputShape, prepareInput, sampleUrl } from './run-actions';
import { useRunPanel } from './run-store';
import { useTranslation } from 'react-i18next';

/** Sample images, the user's own image (picker or drop), or a random tensor; and what the network sees. */
export function InputPicker() {
  const { t } = useTranslation('run');
  // Weights trained here read whole images in [0, 1]: the caption says which framing the run used.
  const trained = useStudio((st) => trainedBy(st.design) !== undefined);
  const source = useRunPanel((s) => s.source);
  const prepared = useRunPanel((s) => s.prepared);
  const error = useRunPanel((s) => s.inputError);
  const shape = useStudio((s) => inputShape(s.design));
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const shapeText = shape?.join('×');

  // The preview follows the design's input size, and the framing its weights were trained with.
  useEffect(() => {
    if (shapeText !== undefined) void prepareInput();
  }, [shapeText, source, trained]);

  const takeFile = (file: File | undefined) => {
    if (file !== undefined) chooseSource({ kind: 'file', name: file.name, blob: file });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    takeFile(e.dataTransfer.files[0]);
  };

  return (
    <section className="run-section" aria-labelledby="run-input-title">
      <h3 id="run-input-title">{t('input.title')}</h3>
      <div className="run-samples" role="radiogroup" aria-label={t('input.samples')}>
        {SAMPLES.map((s) => (
          <button
            key={s.file}
            type="button"
            role="radio"
            aria-checked={source.kind === 'sample' && source.name === s.file}
            aria-label={t(`input.sample.${s.id}`)}
            title={t(`input.sample.${s.id}`)}
            className="run-sample"
            onClick={() => {
              chooseSource({ kind: 'sample', name: s.file });
            }}
          >
            <img src={sampleUrl(s.file)} alt="" loading="lazy" />
          </button>
        ))}
      </div>
      <div
        className={`run-drop${dragging ? ' is-over' : ''}`}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            setDragging(true);
          }
        }}
        onDragLeave={() => {
          setDragging(false);
        }}
        onDrop={onDrop}
      >
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          {t('input.yours')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="image/*"
          hidden
          aria-label={t('input.choose')}
          onChange={(e) => {
            takeFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <button
          type="button"
          className="button"
          aria-pressed={source.kind === 'random'}
          onClick={() => {
            chooseSource({ kind: 'random', seed: source.kind === 'random' ? source.seed + 1 : 1 });
          }}
        >
          {t('input.random')}
        </button>
        <span className="run-hint">{t('input.drop')}</span>
      </div>
      {error !== undefined && (
        <p className="run-error-line" role="alert">
          {error}
        </p>
      )}
      {prepared !== undefined && (
        <figure className="run-preview">
          {prepared.preview !== undefined && (
            <ImageCanvas
              image={prepared.preview}
              label={t('input.preprocessed', { label: prepared.label })}
            />
          )}
          <figcaption>
            {prepared.label}
            <br />
            {t(trained ? 'input.captionTrained' : 'input.caption', { shape: prepared.shape.join('×') })}
          </figcaption>
        </figure>
      )}
    </section>
  );
}
