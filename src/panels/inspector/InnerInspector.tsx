import type { LayerInfo } from '../../core/analysis/analysis-types';
import { anyOpDef } from '../../core/kinds';
import type { FormulaLine } from '../../core/ops/op-types';
import { Figures } from './Figures';
import { kindTitle } from '../../i18n/core-text';
import { useTranslation } from 'react-i18next';

// A layer of the analysis has valid params and known shapes: its formulas are defined.
const formulasOf = (layer: LayerInfo): readonly FormulaLine[] =>
  anyOpDef(layer.op).formulas({
    params: layer.params,
    inputs: layer.inputShapes,
    outputs: layer.outputShapes,
  });

/** A primitive inside an open block: read-only, with its figures and formulas. */
export function InnerInspector({ layer }: { layer: LayerInfo }) {
  const { t } = useTranslation('inspector');
  const formulas = formulasOf(layer);
  return (
    <div className="node-inspector">
      <header className="inspector-header stripe-block">
        <h2>{kindTitle(layer.op)}</h2>
        <p className="mono">{layer.name}</p>
        <p className="muted">{t('partOf', { block: layer.block })}</p>
      </header>
      <Figures
        inputs={layer.inputShapes}
        outputs={layer.outputShapes}
        cost={layer.cost}
        formulas={formulas}
        layers={[layer]}
      />
    </div>
  );
}
