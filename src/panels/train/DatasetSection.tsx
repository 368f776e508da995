import { useTranslation } from 'react-i18next';
import { useAnalysis } from '../../state/hooks';
import { chooseDataset, useTrainPanel, type DatasetChoice, type IdxFiles } from './train-store';

const choices: readonly DatasetChoice[] = ['fashion-mnist', 'idx', 'images'];
const choiceKey = { 'fashion-mnist': 'fashion', idx: 'idx', images: 'images' } as const;
const idxFields: readonly (keyof IdxFiles)[] = ['trainImages', 'trainLabels', 'testImages', 'testLabels'];

/** Which images train the design: the shipped Fashion-MNIST subset, the user's idx files or image folders. */
export function DatasetSection() {
  const { t } = useTranslation('train');
  const dataset = useTrainPanel((s) => s.dataset);
  const idx = useTrainPanel((s) => s.idx);
  const images = useTrainPanel((s) => s.images);
  const analysis = useAnalysis();
  const input = analysis.layers.find((l) => l.op === 'Input')?.outputShapes[0];
  const size = input === undefined ? '?' : input.slice(1).join('×');
  return (
    <section className="run-section" aria-labelledby="train-dataset-title">
      <h3 id="train-dataset-title">{t('dataset.title')}</h3>
      <div className="train-choices" role="radiogroup" aria-label={t('dataset.choice')}>
        {choices.map((c) => (
          <label key={c}>
            <input
              type="radio"
              name="train-dataset"
              checked={dataset === c}
              onChange={() => {
                chooseDataset(c);
              }}
            />{' '}
            {t(`dataset.${choiceKey[c]}`)}
          </label>
        ))}
      </div>
      <p className="run-hint">{t(`dataset.${choiceKey[dataset]}Hint`, { size })}</p>
      {dataset === 'idx' && (
        <div className="train-files">
          {idxFields.map((field) => (
            <label key={field}>
              <span>
                {t(`dataset.${field}`)}
                {field.startsWith('test') && ` ${t('dataset.optional')}`}
              </span>
              <input
                type="file"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  useTrainPanel.setState((s) => ({ idx: { ...s.idx, [field]: file }, refusal: undefined }));
                }}
              />
              <span className="run-hint">{idx[field]?.name ?? t('dataset.none')}</span>
            </label>
          ))}
        </div>
      )}
      {dataset === 'images' && (
        <div className="train-files">
          <label className="button ghost">
            {t('dataset.folder')}
            <input
              type="file"
              className="train-hidden-input"
              // React does not know webkitdirectory; every browser that can train supports it.
              {...{ webkitdirectory: '', directory: '' }}
              multiple
              onChange={(e) => {
                const list = [...(e.target.files ?? [])];
                const first = list[0]?.webkitRelativePath.split('/')[0] ?? '';
                useTrainPanel.setState({
                  images: {
                    kind: 'folder',
                    name: first === '' ? 'images' : first,
                    files: list.map((file) => ({ path: file.webkitRelativePath || file.name, file })),
                  },
                  refusal: undefined,
                });
              }}
            />
          </label>{' '}
          <label className="button ghost">
            {t('dataset.zip')}
            <input
              type="file"
              className="train-hidden-input"
              accept=".zip,application/zip"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file !== undefined)
                  useTrainPanel.setState({
                    images: { kind: 'zip', name: file.name, file },
                    refusal: undefined,
                  });
              }}
            />
          </label>
          <p className="run-hint">
            {images === undefined
              ? t('dataset.none')
              : images.kind === 'zip'
                ? images.name
                : t('dataset.chosenFolder', { name: images.name, count: images.files.length })}
          </p>
        </div>
      )}
    </section>
  );
}
