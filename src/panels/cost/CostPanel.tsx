import { useMemo } from 'react';
import { checkBudgets } from '../../core/analysis/budget';
import { useAnalysis } from '../../state/hooks';
import { useStudio } from '../../state/store';
import { Baseline } from './Baseline';
import { Budgets } from './Budgets';
import { Deploy } from './Deploy';
import { EffectiveTotals } from './EffectiveTotals';
import { Hints } from './Hints';
import { LayerNetworkMethods } from './methods/LayerNetworkMethods';
import { Scale } from './Scale';
import { Teaching } from './Teaching';
import { Totals } from './Totals';
import './cost.css';

/** The side panel's Cost tab: totals with deltas, budgets, scaling, baseline diff, hints, formulas. */
export function CostPanel() {
  const analysis = useAnalysis();
  const budgets = useStudio((s) => s.budgets);
  const checks = useMemo(() => checkBudgets(analysis, budgets), [analysis, budgets]);
  return (
    <div className="cost-panel">
      <Totals analysis={analysis} checks={checks} />
      <EffectiveTotals analysis={analysis} />
      <Budgets analysis={analysis} checks={checks} />
      <Scale />
      <Baseline analysis={analysis} />
      <Hints analysis={analysis} />
      <Teaching analysis={analysis} />
      <Deploy analysis={analysis} />
      <LayerNetworkMethods analysis={analysis} />
    </div>
  );
}
