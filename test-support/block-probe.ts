import { analyze } from '../src/core/analysis/analyze';
import type { LayerInfo } from '../src/core/analysis/analysis-types';
import type { DiagnosticKey } from '../src/core/diagnostics';
import { GraphBuilder } from '../src/core/design/builder';
import type { PortRef } from '../src/core/design/design-types';
import type { Shape } from '../src/core/shape';

/** What one block does to one input, as the analysis sees it. */
export interface BlockProbe {
  /** The block's output shape; undefined when it could not be analysed. */
  readonly shape: Shape | undefined;
  readonly params: number;
  readonly multiplyAdds: number;
  /** The block's primitives, in the order they run. */
  readonly layers: readonly LayerInfo[];
  /** Keys of the error diagnostics raised. */
  readonly errors: readonly DiagnosticKey[];
  /** Their messages, in the same order. */
  readonly messages: readonly string[];
}

/**
 * Runs `place` on a C×H×W input (or a flat vector when `input` has one entry) inside a one-block
 * design and reports the block's figures: the harness tests and benches share.
 */
export function probeBlock(
  input: readonly number[],
  place: (g: GraphBuilder, x: PortRef) => PortRef,
): BlockProbe {
  const g = new GraphBuilder();
  const [c = 1, h = 1, w = 1] = input;
  let x = g.add('Input', { channels: c, height: h, width: w }, [], 'input');
  if (input.length === 1) x = g.add('Flatten', {}, [x], 'flatten');
  const block = place(g, x);
  g.output(block);
  const a = analyze(g.design('probe'));
  const info = a.nodes.get(block.node);
  return {
    shape: info?.outputShapes?.[block.port],
    params: info?.cost.params ?? 0,
    multiplyAdds: info?.cost.multiplyAdds ?? 0,
    layers: a.layers.filter((l) => l.nodeId === block.node),
    errors: a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.key),
    messages: a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
  };
}
