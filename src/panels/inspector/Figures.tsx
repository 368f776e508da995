import type { FormulaLine, OpCost } from '../../core/layers/types';
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
}

/** The node's shapes and figures, each with its exact value and, for primitives, its formula. */
export function Figures({ inputs, outputs, cost, formulas }: Props) {
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
        Figures <span className="muted">(batch 1, elements)</span>
      </h3>
      <dl className="figures">
        {order
          .filter((k) => k !== 'buffers' || cost.buffers > 0)
          .map((k) => {
            const formula = formulas.find((f) => f.figure === k);
            return (
              <div key={k}>
                <dt>{figureNames[k]}</dt>
                <dd title={formatExact(cost[k])}>
                  <span className="figure">{formatCount(cost[k])}</span>
                  <span className="exact">{formatExact(cost[k])}</span>
                  {formula !== undefined && (
                    <span className="formula" title={formula.substituted}>
                      {formula.symbolic} = {formula.substituted}
                    </span>
                  )}
                </dd>
              </div>
            );
          })}
      </dl>
    </section>
  );
}
