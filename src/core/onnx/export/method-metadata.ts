import type { Analysis } from '../../analysis/types';
import { describeStochasticDepth, stochasticDepthView } from '../../methods/stochastic-depth';
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
  return entries;
}
