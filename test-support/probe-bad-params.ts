import { analyze } from '../src/core/analysis/analyze';
import type { DiagnosticCode } from '../src/core/diagnostics';
import { GraphBuilder } from '../src/core/design/builder';
import type { DesignNode } from '../src/core/design/design-types';
import type { BlockKind } from '../src/core/blocks/block-registry';

/**
 * Analyses a one-block design whose params were set past the schema, as a hand-edited or old file
 * can have them (the builder itself refuses such params), and returns the error diagnostics:
 * each block's tests check that bad params become a coded diagnostic, not a crash.
 */
export function probeBadParams(
  kind: BlockKind,
  input: readonly [number, number, number],
  params: Readonly<Record<string, unknown>>,
): { readonly code: DiagnosticCode; readonly field: string | undefined }[] {
  const g = new GraphBuilder();
  const [channels, height, width] = input;
  const x = g.add('Input', { channels, height, width }, []);
  g.output(g.add(kind, {}, [x], 'block'));
  const design = g.design('bad params');
  const nodes = design.nodes.map((n) =>
    n.kind === kind ? ({ ...n, params: { ...n.params, ...params } } as DesignNode) : n,
  );
  return analyze({ ...design, nodes })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => ({ code: d.code, field: d.field }));
}
