import { analyze } from '../../core/analysis/analyze';
import { effectiveTotals } from '../../core/analysis/effective-totals';
import { loweringView } from '../../core/analysis/lowering';
import { methodFigures } from '../../core/methods/method-figures';
import { formatShape } from '../../core/shape';
import { UsageError, parseArgs, type Command } from '../command';
import { loadSource, sourceFlags } from '../source';
import { describeDiagnostic, int, table } from '../text';

export const costCommand: Command = {
  name: 'cost',
  usage:
    'cost <design.json | preset:NAME | example:NAME> [--json] [--width A] [--resolution R] [--round channel|8] [--groups G]',
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
    const effective = effectiveTotals(a.layers);
    const lowering = loweringView(a);
    const methods = methodFigures(a);
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
          // What the methods' own kernels would do (sparse, lookup, versatile); equal to the
          // figures above where no layer has such a kernel.
          effectiveParams: effective.params,
          effectiveMultiplyAdds: effective.multiplyAdds,
          effectiveIndices: effective.indices,
          effectiveKernels: effective.kernels,
          workspace: {
            max: lowering.maxWorkspace,
            peakIm2col: lowering.peak.im2col.elements,
            peakDirect: lowering.peak.direct.elements,
          },
          layers: a.layers.map((l) => ({
            name: l.name,
            op: l.op,
            block: l.block ?? null,
            outputShape: l.outputShapes[0] ?? null,
            params: l.cost.params,
            multiplyAdds: l.cost.multiplyAdds,
            memoryAccess: l.cost.memoryAccess,
            effectiveParams: l.effective?.params ?? l.cost.params,
            effectiveMultiplyAdds: l.effective?.multiplyAdds ?? l.cost.multiplyAdds,
            effectiveIndices: l.effective?.indices ?? 0,
            workspace: l.workspace,
          })),
          // The layer- and network-level methods' figures (expected training cost, effective
          // multiply-adds with z, nested levels), each beside the as-exported one it differs from.
          ...(Object.keys(methods).length > 0 ? { methods } : {}),
        }),
      );
      return;
    }
    const showEffective = effective.kernels.length > 0;
    const rows = [
      [
        'layer',
        'op',
        'output',
        'params',
        'multiply-adds',
        ...(showEffective ? ['effective params', 'effective multiply-adds'] : []),
        'memory access',
        'im2col workspace',
      ],
    ];
    for (const l of a.layers) {
      if (l.op === 'Input' || l.op === 'Output') continue;
      rows.push([
        l.name,
        l.op,
        l.outputShapes.map(formatShape).join(', '),
        int(l.cost.params),
        int(l.cost.multiplyAdds),
        ...(showEffective
          ? [int(l.effective?.params ?? l.cost.params), int(l.effective?.multiplyAdds ?? l.cost.multiplyAdds)]
          : []),
        int(l.cost.memoryAccess),
        int(l.workspace),
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
        ...(showEffective
          ? [
              [`params, effective (${effective.kernels.join(', ')})`, int(effective.params)],
              ['multiply-adds, effective', int(effective.multiplyAdds)],
              ['indices stored beside the values, effective', int(effective.indices)],
            ]
          : []),
        ['im2col workspace, largest', int(lowering.maxWorkspace)],
        ['peak memory, convs lowered to im2col', int(lowering.peak.im2col.elements)],
        ['peak memory, direct convs', int(lowering.peak.direct.elements)],
      ]),
    );
    const lines = methodLines(methods);
    if (lines.length > 0) {
      io.out('');
      io.out(
        table([
          ['effective (the method’s own kernel or training; not what the file computes)', ''],
          ...lines,
        ]),
      );
    }
  },
};

function methodLines(e: ReturnType<typeof methodFigures>): string[][] {
  const rows: string[][] = [];
  if (e.stochasticDepth !== undefined)
    rows.push(
      [
        `stochastic depth, expected training multiply-adds (p_L = ${e.stochasticDepth.lastSurvival})`,
        int(Math.round(e.stochasticDepth.expectedTrainingMultiplyAdds)),
      ],
      [
        'stochastic depth, inference multiply-adds (every block)',
        int(e.stochasticDepth.inferenceMultiplyAdds),
      ],
    );
  if (e.lccl !== undefined)
    rows.push([
      'LCCL, effective multiply-adds (z set by hand)',
      int(Math.round(e.lccl.effectiveMultiplyAdds)),
    ]);
  if (e.nested !== undefined) {
    if ('error' in e.nested) rows.push(['NestedNet levels', e.nested.error]);
    else {
      for (const l of e.nested.levels)
        rows.push([
          `NestedNet level ${l.width}: params / multiply-adds`,
          `${int(l.params)} / ${int(l.multiplyAdds)}`,
        ]);
      rows.push(['NestedNet params stored once (the widest level)', int(e.nested.storedParams)]);
    }
  }
  return rows;
}
