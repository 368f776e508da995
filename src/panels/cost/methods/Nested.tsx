import { useMemo } from 'react';
import type { Analysis } from '../../../core/analysis/types';
import { DEFAULT_NESTED_WIDTHS, nestedLevels, nestedView } from '../../../core/methods/nested';
import { formatCount } from '../../../ui/figures';
import { studio } from '../../../state/store';

/** NestedNet: a cost row per level; the params are stored once, as the widest level's. */
export function Nested({ analysis }: { analysis: Analysis }) {
  const nested = analysis.design.nested;
  const result = useMemo(
    () => (nested === undefined ? undefined : nestedLevels(analysis.design, nested.widths)),
    [analysis.design, nested],
  );
  const toggle = (on: boolean): void => {
    const { nested: _old, ...rest } = studio.getState().design;
    studio.getState().replaceDesign(on ? { ...rest, nested: { widths: DEFAULT_NESTED_WIDTHS } } : rest);
  };
  const view = result?.ok === true ? nestedView(result.value) : undefined;
  return (
    <details className="cost-section">
      <summary>
        <h3>Nested levels</h3>
        <span className="muted cost-convention">NestedNet, Kim et al. 2018</span>
      </summary>
      <label className="cost-inline-check">
        <input
          type="checkbox"
          checked={nested !== undefined}
          onChange={(e) => {
            toggle(e.target.checked);
          }}
        />
        Levels at widths {(nested?.widths ?? DEFAULT_NESTED_WIDTHS).join(', ')}, each level’s weights the
        first channels of the next
      </label>
      {result?.ok === false && <p className="cost-error">{result.error}</p>}
      {view !== undefined && (
        <>
          <table className="cost-compare" aria-label="NestedNet: a cost row per level">
            <thead>
              <tr>
                <th scope="col">Level</th>
                <th scope="col">Params</th>
                <th scope="col">Multiply-adds</th>
                <th scope="col">Memory access</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={r.width}>
                  <th scope="row">{r.width}×</th>
                  <td>{formatCount(r.params)}</td>
                  <td>{formatCount(r.multiplyAdds)}</td>
                  <td>{formatCount(r.memoryAccess)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted cost-note">
            Params stored once: {formatCount(view.storedParams)} (the widest level; every level is a prefix of
            it), against {formatCount(view.separateParams)} for the levels stored apart. Export: one model per
            level or one with every level’s output (<code>export --nested separate|joint</code>); the Run tab
            runs every level.
          </p>
        </>
      )}
    </details>
  );
}
