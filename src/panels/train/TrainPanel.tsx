import { useTranslation } from 'react-i18next';
import { useStudio } from '../../state/store';
import { Curves } from './Curves';
import { DatasetSection } from './DatasetSection';
import { RecipeForm } from './RecipeForm';
import { ResultsView } from './ResultsView';
import { ShiftLearning } from './ShiftLearning';
import { SplitNetLearning } from './SplitNetLearning';
import { TrainControls } from './TrainControls';
import { useTrainPanel } from './train-store';
import '../run/run.css';
import './train.css';

/** Where training starts from: every layer, or only the head on top of the design's weights. */
function ScopeSection() {
  const { t } = useTranslation('train');
  const source = useStudio((s) => s.design.weights?.source);
  const results = useStudio((s) => s.design.results);
  const scope = useTrainPanel((s) => s.scope);
  if (source === undefined) return <p className="run-hint train-scope">{t('scope.fresh')}</p>;
  const trained = results?.find((r) => r.id === source);
  return (
    <fieldset className="run-section train-scope">
      <legend>{t('scope.title')}</legend>
      <p className="run-hint">
        {t('scope.weights', { source: trained === undefined ? source : trained.dataset.name })}
      </p>
      {(['all', 'head'] as const).map((s) => (
        <label key={s}>
          <input
            type="radio"
            name="train-scope"
            checked={scope === s}
            onChange={() => {
              useTrainPanel.setState({ scope: s });
            }}
          />{' '}
          {t(`scope.${s}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** The Train tab: dataset, recipe, one button; live progress and curves; results against cost. */
export function TrainPanel() {
  const { t } = useTranslation('train');
  return (
    <div className="run-panel train-panel">
      <p className="run-section run-hint train-intro">{t('intro')}</p>
      <DatasetSection />
      <ScopeSection />
      <RecipeForm />
      <ShiftLearning />
      <SplitNetLearning />
      <TrainControls />
      <Curves />
      <ResultsView />
    </div>
  );
}
