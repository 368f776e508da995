import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../../core/analysis/analysis-types';
import { analyze } from '../../../core/analysis/analyze';
import { splitTree, type SplitLevel, type SplitResult } from '../../../core/methods/splitnet-method';
import { layoutDesign } from '../../../canvas/auto-layout';
import { sayRefusal } from '../../../i18n/say';
import { formatExact } from '../../../i18n/numbers';
import { studio, useStudio } from '../../../state/store';
import { SplitLevelsFields, splitPoints } from './SplitLevelsFields';

/** "0,8/1,9/2,4,6/3,5,7" as each leaf's classes; undefined when empty; null when not whole numbers. */
function parseAssignment(text: string): number[][] | undefined | null {
  if (text.trim() === '') return undefined;
  const leaves = text
    .split('/')
    .map((leaf) => leaf.split(',').map((x) => (/^\s*\d+\s*$/.test(x) ? Number(x) : NaN)));
  return leaves.some((leaf) => leaf.some((c) => Number.isNaN(c))) ? null : leaves;
}

/**
 * SplitNet's tree (Kim et al. 2017) from the Cost tab: up to four levels, each after a node further
 * along than the one before and into its own number of groups, with the class-to-group assignment
 * as data (each leaf's classes; consecutive runs when left empty). The tree's params and
 * multiply-adds show before it is built, or the one sentence saying why it cannot be.
 */
export function SplitTreeForm({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation('cost');
  const design = useStudio((s) => s.design);
  const points = useMemo(() => splitPoints(analysis, design), [analysis, design]);
  const [levels, setLevels] = useState<SplitLevel[]>(() => [{ at: points[0]?.id ?? '', groups: 2 }]);
  const [assignText, setAssignText] = useState('');
  // Why a tree cannot be built shows once the form is changed, not on opening or after a build.
  const [touched, setTouched] = useState(false);
  const assignment = parseAssignment(assignText);
  const result: SplitResult | undefined = useMemo(
    () => (assignment === null ? undefined : splitTree(design, levels, assignment)),
    // The assignment is parsed from its text on each render: its text is the dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [design, levels, assignText],
  );
  const after = useMemo(() => (result?.ok === true ? analyze(result.design).totals : undefined), [result]);
  const leaves = levels.reduce((a, l) => a * l.groups, 1);
  return (
    <fieldset className="cost-split-tree">
      <legend>{t('methods.splitNet.treeTitle')}</legend>
      <SplitLevelsFields
        points={points}
        levels={levels}
        onChange={(next) => {
          setTouched(true);
          setLevels(next);
        }}
        idPrefix="split-tree"
        rowClass="cost-scale"
        actionsClass="cost-actions"
      />
      <div className="cost-scale">
        <label htmlFor="split-tree-assign">{t('methods.splitNet.assign', { leaves })}</label>
        <input
          id="split-tree-assign"
          type="text"
          value={assignText}
          placeholder={t('methods.splitNet.assignPlaceholder')}
          onChange={(e) => {
            setTouched(true);
            setAssignText(e.target.value);
          }}
        />
      </div>
      <p className="muted cost-note">{t('methods.splitNet.assignHelp')}</p>
      {assignment === null && <p className="cost-error">{t('methods.splitNet.assignBad')}</p>}
      {touched && result?.ok === false && <p className="cost-error">{sayRefusal(result)}</p>}
      {after !== undefined && (
        <p className="cost-note" data-testid="split-tree-preview">
          {t('methods.splitNet.treePreview', {
            leaves,
            p0: formatExact(analysis.totals.params),
            p1: formatExact(after.params),
            m0: formatExact(analysis.totals.multiplyAdds),
            m1: formatExact(after.multiplyAdds),
          })}
        </p>
      )}
      <div className="cost-actions">
        <button
          type="button"
          disabled={result?.ok !== true}
          onClick={() => {
            if (result?.ok !== true) return;
            // The split points are now inside the tree: the form starts again from one level.
            setLevels([{ at: points[0]?.id ?? '', groups: 2 }]);
            setAssignText('');
            setTouched(false);
            void layoutDesign(result.design).then((d) => {
              studio.getState().replaceDesign(d);
              studio.getState().requestFit();
            });
          }}
        >
          {t('methods.splitNet.buildTree')}
        </button>
      </div>
    </fieldset>
  );
}
