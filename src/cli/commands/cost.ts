import { analyze } from '../../core/analysis/analyze';
import { formatShape } from '../../core/shape';
import { UsageError, parseArgs, type Command } from '../command';
import { loadSource, sourceFlags } from '../source';
import { describeDiagnostic, int, table } from '../text';

export const costCommand: Command = {
  name: 'cost',
  usage: 'cost <design.json | preset:NAME | example:NAME> [--json] [--width A] [--resolution R] [--groups G]',
  run(args, io) {
    const { positional, flags, switches } = parseArgs(args, sourceFlags, ['json']);
    const design = loadSource(positional[0], flags, io);
    const a = analyze(design);
    const errors = a.diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    if (first !== undefined)
      throw new UsageError(
        `${describeDiagnostic(first, design)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
      );
    if (switches.has('json')) {
      io.out(
        JSON.stringify({
          name: design.name,
          convention:
            'batch 1, elements; multiply-adds of conv and linear layers only (FLOPs = 2 × multiply-adds); see docs/costs.md',
          params: a.totals.params,
          buffers: a.totals.buffers,
          multiplyAdds: a.totals.multiplyAdds,
          memoryAccess: a.totals.memoryAccess,
          memoryAccessConvFc: a.totals.memoryAccessConvFc,
          activations: { sum: a.activations.sum, peak: a.activations.peak },
          layers: a.layers.map((l) => ({
            name: l.name,
            op: l.op,
            block: l.block ?? null,
            outputShape: l.outputShapes[0] ?? null,
            params: l.cost.params,
            multiplyAdds: l.cost.multiplyAdds,
            memoryAccess: l.cost.memoryAccess,
          })),
        }),
      );
      return;
    }
    const rows = [['layer', 'op', 'output', 'params', 'multiply-adds', 'memory access']];
    for (const l of a.layers) {
      if (l.op === 'Input' || l.op === 'Output') continue;
      rows.push([
        l.name,
        l.op,
        l.outputShapes.map(formatShape).join(', '),
        int(l.cost.params),
        int(l.cost.multiplyAdds),
        int(l.cost.memoryAccess),
      ]);
    }
    io.out(table(rows));
    io.out('');
    io.out(
      table([
        ['total (batch 1, elements)', ''],
        ['params (trainable)', int(a.totals.params)],
        ['buffers (BN running stats)', int(a.totals.buffers)],
        ['multiply-adds', int(a.totals.multiplyAdds)],
        ['memory access, conv/FC (ShuffleNetV2 MAC)', int(a.totals.memoryAccessConvFc)],
        ['memory access, all ops', int(a.totals.memoryAccess)],
        ['activations, sum', int(a.activations.sum)],
        ['activations, peak', int(a.activations.peak)],
      ]),
    );
  },
};
