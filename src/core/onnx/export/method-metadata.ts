import type { Analysis } from '../../analysis/analysis-types';
import type { ExpanderConvParams } from '../../ops/expander-conv';
import { lcclView } from '../../methods/lccl-method';
import { describeStochasticDepth, stochasticDepthView } from '../../methods/stochastic-depth-method';
import type { P } from '../proto';
import { META } from '../version';

/**
 * Metadata for the survey methods whose training-time or effective behaviour the graph alone does
 * not show: a reader of the file learns what it stands for.
 */
export function methodMetadata(analysis: Analysis): P.IStringStringEntryProto[] {
  const entries: P.IStringStringEntryProto[] = [];
  const sd = analysis.design.stochasticDepth;
  if (sd !== undefined)
    entries.push({
      key: META.stochasticDepth,
      value: describeStochasticDepth(stochasticDepthView(analysis, sd)),
    });
  const lccl = lcclView(analysis);
  if (lccl.rows.length > 0)
    entries.push({
      key: META.lccl,
      value: `low-cost collaborative layers computed in full (as exported, multiply-adds ${lccl.asExportedMultiplyAdds}); effective multiply-adds cost(LCCL) + (1 − z)·cost(main) = ${Math.round(lccl.effectiveMultiplyAdds)} with z set by hand: ${lccl.rows.map((r) => `${r.label} z=${r.zeroRatio}`).join(', ')}`,
    });
  const expanders = analysis.layers.filter((l) => l.op === 'ExpanderConv2d');
  if (expanders.length > 0)
    entries.push({
      key: META.expander,
      // Machine-readable, so an import gives back the seed rather than the graph written out:
      // layer name → the fan-in and seed that built its Gather indices (null: a graph given as is).
      value: JSON.stringify(
        Object.fromEntries(
          expanders.map((l) => {
            const p = l.params as ExpanderConvParams;
            return [l.name, { fanIn: p.fanIn, seed: p.connections === undefined ? p.seed : null }];
          }),
        ),
      ),
    });
  return entries;
}
