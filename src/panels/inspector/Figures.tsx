import { effectiveTotals } from '../../core/analysis/effective';
import type { LayerInfo } from '../../core/analysis/types';
import { anyOpDef } from '../../core/layers/registry';
import type { FormulaFigure, FormulaLine, OpCost } from '../../core/layers/types';
import { formatShape, type Shape } from '../../core/shape';
import { formatCount, formatExact } from '../../ui/figures';

const figureNames: Readonly<Record<keyof OpCost, string>> = {
  params: 'Params',
  buffers: 'Buffers (BN running stats)',
  multiplyAdds: 'Multiply-adds',
  memoryAccess: 'Memory access (all ops)',
  memoryAccessConvFc: 'Memory access (conv/FC, MAC)',
};
const order: readonly (keyof OpCost)[] = [
  'multiplyAdds',
  'params',
  'memoryAccessConvFc',
  'memoryAccess',
  'buffers',
];

interface Props {
  readonly inputs: readonly (Shape | undefined)[];
  readonly outputs: readonly Shape[] | undefined;
  readonly cost: OpCost;
  readonly formulas: readonly FormulaLine[];
  /** The node's primitives: their effective figures and im2col workspace. */
  readonly layers: readonly LayerInfo[];
}

function Figure({
  id,
  name,
  value,
  formula,
}: {
  readonly id: string;
  readonly name: string;
  readonly value: number;
  readonly formula: FormulaLine | undefined;
}) {
  return (
    <div data-figure={id}>
      <dt>{name}</dt>
      <dd title={formatExact(value)}>
        <span className="figure">{formatCount(value)}</span>
        <span className="exact">{formatExact(value)}</span>
        {formula !== undefined && (
          <span className="formula" title={formula.substituted}>
            {formula.symbolic} = {formula.substituted}
          </span>
        )}
      </dd>
    </div>
  );
}

/**
 * The node's shapes and figures, each with its exact value and formula. Where the method's own
 * kernel does less than the exported graph (sparse, lookup, versatile), the effective figures
 * follow the as-exported ones under their own names: never one number for both.
 */
export function Figures({ inputs, outputs, cost, formulas, layers }: Props) {
  const formula = (f: FormulaFigure) => formulas.find((l) => l.figure === f);
  const effective = effectiveTotals(layers);
  const workspace = Math.max(0, ...layers.map((l) => l.workspace));
  // Ops that can be lowered to im2col (Conv2d, FLGC, the versatile conv's exported conv) say so by defining a workspace rule.
  const hasConv = layers.some((l) => anyOpDef(l.op).workspace !== undefined);
  const conditions = formulas.filter((l) => l.figure === 'condition');
  return (
    <section className="inspector-section" aria-label="Figures">
      <h3>Shapes</h3>
      <dl className="figures">
        {inputs.map((s, i) => (
          <div key={`in${i}`}>
            <dt>Input{inputs.length > 1 ? ` ${i + 1}` : ''}</dt>
            <dd className="mono">{s === undefined ? 'not connected' : formatShape(s)}</dd>
          </div>
        ))}
        {(outputs ?? [undefined]).map((s, i) => (
          <div key={`out${i}`}>
            <dt>Output{(outputs?.length ?? 1) > 1 ? ` ${i + 1}` : ''}</dt>
            <dd className="mono" data-testid="inspector-output-shape">
              {s === undefined ? 'unknown' : formatShape(s)}
            </dd>
          </div>
        ))}
      </dl>
      <h3>
        Figures{' '}
        <span className="muted">
          (batch 1, elements{effective.kernels.length > 0 ? ', as exported' : ''})
        </span>
      </h3>
      <dl className="figures">
        {order
          .filter((k) => k !== 'buffers' || cost.buffers > 0)
          .map((k) => (
            <Figure key={k} id={k} name={figureNames[k]} value={cost[k]} formula={formula(k)} />
          ))}
        {hasConv && (
          <Figure
            id="workspace"
            name="im2col workspace (0 for a direct conv)"
            value={workspace}
            formula={formula('workspace')}
          />
        )}
      </dl>
      {effective.kernels.length > 0 && (
        <>
          <h3>
            Effective <span className="muted">({effective.kernels.join(', ')})</span>
          </h3>
          <dl className="figures" aria-label="Effective figures">
            <Figure
              id="effectiveMultiplyAdds"
              name="Multiply-adds, effective"
              value={effective.multiplyAdds}
              formula={formula('effectiveMultiplyAdds')}
            />
            <Figure
              id="effectiveParams"
              name="Params, effective"
              value={effective.params}
              formula={formula('effectiveParams')}
            />
            <Figure
              id="effectiveIndices"
              name="Indices stored"
              value={effective.indices}
              formula={formula('effectiveIndices')}
            />
          </dl>
        </>
      )}
      {conditions.length > 0 && (
        <>
          <h3>Conditions</h3>
          <ul className="figures conditions">
            {conditions.map((c) => (
              <li key={c.symbolic} className="formula">
                {c.symbolic}: {c.substituted}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
