import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recipe } from '../../core/document/results';
import { recipeRule } from '../../core/train/train-recipe';
import { useStudio } from '../../state/store';
import { recipeBounds, recipeDefaults, recipeWithOptimizer } from './recipe-defaults';
import { useTrainPanel } from './train-store';

type NumberField = keyof typeof recipeBounds;

const setRecipe = (patch: Partial<Recipe>) => {
  useTrainPanel.setState((s) => ({ recipe: { ...s.recipe, ...patch }, recipeEdited: true }));
};

const valueOf = (r: Recipe, field: NumberField): number | undefined =>
  field === 'crop' ? r.augment.crop : r[field];

const patchOf = (r: Recipe, field: NumberField, v: number | undefined): Partial<Recipe> => {
  if (field === 'crop') return { augment: { ...r.augment, crop: v ?? 0 } };
  if (field === 'maxSteps') return { maxSteps: v };
  const integer = field === 'batch' || field === 'seed';
  return { [field]: integer ? Math.round(v ?? 0) : v };
};

/** One number of the recipe: kept as typed, written to the recipe only when it is in bounds. */
function NumberInput({ field, step }: { field: NumberField; step?: string }) {
  const { t } = useTranslation('train');
  const recipe = useTrainPanel((s) => s.recipe);
  const current = valueOf(recipe, field);
  const [text, setText] = useState<string | undefined>(undefined);
  const { min, max } = recipeBounds[field];
  const shown = text ?? (current === undefined ? '' : String(current));
  const value = Number(shown);
  const bad =
    !(field === 'maxSteps' && shown.trim() === '') &&
    !(Number.isFinite(value) && value >= min && value <= max);
  const label = t(`recipe.${field}`);
  return (
    <label className="train-field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="decimal"
        step={step ?? 'any'}
        min={min}
        max={max}
        value={shown}
        aria-invalid={bad}
        aria-describedby={bad ? `train-bad-${field}` : undefined}
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          const v = Number(typed);
          if (field === 'maxSteps' && typed.trim() === '') setRecipe(patchOf(recipe, field, undefined));
          else if (Number.isFinite(v) && v >= min && v <= max) setRecipe(patchOf(recipe, field, v));
        }}
        onBlur={() => {
          setText(undefined);
        }}
      />
      {bad && (
        <span id={`train-bad-${field}`} className="train-bad">
          {t('recipe.bad', { field: label, min, max })}
        </span>
      )}
    </label>
  );
}

/** Epochs, batch, optimizer, learning rate and its schedule, regularisation, augmentation, seed. */
export function RecipeForm() {
  const { t } = useTranslation('train');
  const recipe = useTrainPanel((s) => s.recipe);
  const dataset = useTrainPanel((s) => s.dataset);
  const edited = useTrainPanel((s) => s.recipeEdited);
  const design = useStudio((s) => s.design);
  const rule = useMemo(() => recipeRule(design), [design]);
  // An untouched recipe follows the design (a design without batch norm gets Adam).
  useEffect(() => {
    if (!useTrainPanel.getState().recipeEdited)
      useTrainPanel.setState({ recipe: recipeDefaults(useTrainPanel.getState().dataset, design) });
  }, [design, edited, dataset]);
  return (
    <details className="run-section train-recipe">
      <summary>
        <h3>{t('recipe.title')}</h3>
        <span className="run-hint">
          {recipe.epochs} × {recipe.batch} · {t(`recipe.${recipe.optimizer}`)} · {recipe.learningRate}
        </span>
      </summary>
      {rule === 'noBatchNorm' && <p className="run-hint train-rule">{t('recipe.noBatchNorm')}</p>}
      <div className="train-grid">
        <NumberInput field="epochs" />
        <NumberInput field="batch" step="1" />
        <label className="train-field">
          <span>{t('recipe.optimizer')}</span>
          <select
            value={recipe.optimizer}
            onChange={(e) => {
              // Across families (SGD, Adam) the learning rate and momentum become the new family's.
              const next = recipeWithOptimizer(recipe, e.target.value as Recipe['optimizer'], dataset);
              useTrainPanel.setState({ recipe: next, recipeEdited: true });
            }}
          >
            <option value="sgd">{t('recipe.sgd')}</option>
            <option value="adam">{t('recipe.adam')}</option>
            <option value="adamw">{t('recipe.adamw')}</option>
          </select>
        </label>
        <NumberInput field="learningRate" />
        {recipe.optimizer === 'sgd' && <NumberInput field="momentum" />}
        <label className="train-field">
          <span>{t('recipe.schedule')}</span>
          <select
            value={recipe.schedule}
            onChange={(e) => {
              setRecipe({ schedule: e.target.value as Recipe['schedule'] });
            }}
          >
            <option value="cosine">{t('recipe.cosine')}</option>
            <option value="constant">{t('recipe.constant')}</option>
          </select>
        </label>
        <NumberInput field="warmupEpochs" />
        <NumberInput field="weightDecay" />
        <NumberInput field="labelSmoothing" />
        <NumberInput field="crop" step="1" />
        <NumberInput field="seed" step="1" />
        <NumberInput field="maxSteps" step="1" />
        <label className="train-check">
          <input
            type="checkbox"
            checked={recipe.augment.flip}
            onChange={(e) => {
              setRecipe({ augment: { ...recipe.augment, flip: e.target.checked } });
            }}
          />{' '}
          {t('recipe.flip')}
        </label>
      </div>
      <button
        type="button"
        className="button ghost"
        onClick={() => {
          useTrainPanel.setState({ recipe: recipeDefaults(dataset, design), recipeEdited: false });
        }}
      >
        {t('recipe.reset')}
      </button>
    </details>
  );
}
