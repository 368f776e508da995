import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { analyze } from '../../core/analysis/analyze';
import { splitTree } from '../../core/methods/splitnet-method';
import { formatExact } from '../../i18n/numbers';
import { sayRefusal } from '../../i18n/say';
import { analysisOf } from '../../state/analysis';
import { useStudio } from '../../state/store';
import { MAX_SPLIT_STEPS, MAX_SPLIT_TERM } from '../../runtime/train/splitnet-messages';
import { SplitLevelsFields, splitPoints } from '../cost/methods/SplitLevelsFields';
import { BoundedNumberField } from './BoundedNumberField';
import { chosenSplitLevels, splitRefusal } from './splitnet-choice';
import { setSplitNet, useTrainPanel } from './train-store';

const TERMS = ['overlap', 'weight', 'balance'] as const;

/** What the last run learned: each leaf's classes, and the cost before and after the split. */
function LearnedSplitText() {
  const { t } = useTranslation('train');
  const run = useStudio((s) => s.train);
  const split = run.split;
  if (split === undefined || (run.status !== 'done' && run.status !== 'failed')) return null;
  const names = run.data?.classNames ?? [];
  return (
    <div className="train-end" role="status" aria-label={t('splitNet.title')}>
      <p>{t('splitNet.learned', { leaves: split.classes.length })}</p>
      <ul className="train-split-leaves">
        {split.classes.map((classes, leaf) => (
          <li key={leaf}>
            {t('splitNet.leaf', {
              n: leaf + 1,
              classes: classes.map((c) => names[c] ?? String(c)).join(t('splitNet.classSep')),
            })}
          </li>
        ))}
      </ul>
      <p>
        {t('splitNet.cost', {
          tuned: split.fineTuned > 0 ? t('splitNet.tuned', { steps: split.fineTuned }) : '',
          p0: formatExact(split.before.params),
          p1: formatExact(split.after.params),
          m0: formatExact(split.before.multiplyAdds),
          m1: formatExact(split.after.multiplyAdds),
        })}
      </p>
    </div>
  );
}

/**
 * SplitNet learning (Kim et al. 2017) in the Train tab. Once on, where the design can learn a split
 * (the CLI's `split --learn` test) it offers the tree's levels (the Cost tab's fields), the three
 * terms' weights, grouping and fine-tuning steps; elsewhere it says in one sentence that it cannot.
 * After the run the split design is the design's (one undo step back), and the section shows the
 * learned classes per leaf and the cost before and after.
 */
export function SplitNetLearning() {
  const { t } = useTranslation(['train', 'cost']);
  const design = useStudio((s) => s.design);
  const choice = useTrainPanel((s) => s.splitNet);
  const analysis = analysisOf(design);
  const points = useMemo(() => splitPoints(analysis, design), [analysis, design]);
  // Where the design can be split is looked for once the section is on (a search over its nodes).
  const levels = useMemo(
    () => (choice.on ? chosenSplitLevels(choice, design, analysis) : undefined),
    [choice, design, analysis],
  );
  const refusal = useMemo(
    () => (levels === undefined ? undefined : splitRefusal(design, levels)),
    [design, levels],
  );
  const after = useMemo(() => {
    if (levels === undefined || refusal !== undefined) return undefined;
    const tree = splitTree(design, levels);
    return tree.ok ? analyze(tree.design).totals : undefined;
  }, [design, levels, refusal]);
  return (
    <fieldset className="run-section train-shifts train-split">
      <legend>{t('splitNet.title')}</legend>
      <label className="train-check">
        <input
          type="checkbox"
          checked={choice.on}
          onChange={(e) => {
            setSplitNet({ on: e.target.checked });
          }}
        />{' '}
        {t('splitNet.learn')}
      </label>
      <p className="run-hint">{t('splitNet.hint')}</p>
      {choice.on && levels === undefined && (
        <p className="train-bad" role="alert">
          {t('splitNet.none')}
        </p>
      )}
      {choice.on && levels !== undefined && (
        <>
          <SplitLevelsFields
            points={points}
            levels={levels}
            onChange={(next) => {
              setSplitNet({ levels: next });
            }}
            idPrefix="train-split"
            rowClass="train-split-level"
            actionsClass="train-split-actions"
          />
          {refusal !== undefined && (
            <p className="train-bad" role="alert">
              {sayRefusal(refusal)}
            </p>
          )}
          {after !== undefined && (
            <p className="run-hint" data-testid="train-split-preview">
              {t('cost:methods.splitNet.treePreview', {
                leaves: levels.reduce((a, l) => a * l.groups, 1),
                p0: formatExact(analysis.totals.params),
                p1: formatExact(after.params),
                m0: formatExact(analysis.totals.multiplyAdds),
                m1: formatExact(after.multiplyAdds),
              })}
            </p>
          )}
          <div className="train-grid">
            {TERMS.map((term) => (
              <BoundedNumberField
                key={term}
                id={`train-split-${term}`}
                label={t(`splitNet.${term}`)}
                value={choice.terms[term]}
                min={0}
                max={MAX_SPLIT_TERM}
                onValue={(v) => {
                  setSplitNet({ terms: { ...useTrainPanel.getState().splitNet.terms, [term]: v } });
                }}
              />
            ))}
            <BoundedNumberField
              id="train-split-grouping"
              label={t('splitNet.groupingSteps')}
              value={choice.groupingSteps}
              min={1}
              max={MAX_SPLIT_STEPS}
              whole
              onValue={(v) => {
                setSplitNet({ groupingSteps: v });
              }}
            />
            <BoundedNumberField
              id="train-split-finetune"
              label={t('splitNet.fineTuneSteps')}
              value={choice.fineTuneSteps}
              min={0}
              max={MAX_SPLIT_STEPS}
              whole
              onValue={(v) => {
                setSplitNet({ fineTuneSteps: v });
              }}
            />
          </div>
        </>
      )}
      <LearnedSplitText />
    </fieldset>
  );
}
