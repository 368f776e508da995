import { analyze } from '../../core/analysis/analyze';
import { UsageError, parseArgs, type Command } from '../command';
import { loadSource, sourceFlags } from '../source';
import { describeDiagnostic } from '../text';

export const validateCommand: Command = {
  name: 'validate',
  usage: 'validate <design.json | preset:NAME | example:NAME>      checks the document and the graph',
  run(args, io) {
    const { positional, flags } = parseArgs(args, sourceFlags);
    const design = loadSource(positional[0], flags, io);
    const analysis = analyze(design);
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
    for (const d of analysis.diagnostics) io.out(describeDiagnostic(d, design));
    if (errors.length > 0) {
      const first = errors[0];
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
      throw new UsageError(`${first === undefined ? '' : describeDiagnostic(first, design)}${more}`);
    }
    io.out(`ok: ${design.nodes.length} nodes, ${analysis.layers.length} primitive ops, no errors`);
  },
};
