import { GraphBuilder } from '../design/builder';
import type { Design, PortRef } from '../design/design-types';

/** The shape of the feature map both sides of an example read. */
export interface ExampleInput {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
}

type Side = (g: GraphBuilder, x: PortRef) => PortRef;

/**
 * The layout every worked example shares: one Input feeding the baseline and the method side by
 * side, each to its own Output ("baseline", "method"), so the per-node costs compare directly and
 * the export runs both on the same tensor.
 */
export function sideBySide(name: string, input: ExampleInput, baseline: Side, method: Side): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', input, [], 'input');
  g.output(baseline(g, x), 'baseline');
  g.output(method(g, x), 'method');
  return g.design(name);
}
