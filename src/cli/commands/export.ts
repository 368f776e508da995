import { analyze } from '../../core/analysis/analyze';
import { exportDesign } from '../../core/onnx/export/export';
import { DEFAULT_OPSET, MAX_OPSET, MIN_OPSET } from '../../core/onnx/version';
import { UsageError, parseArgs, type Command } from '../command';
import { loadSource, sourceFlags } from '../source';
import { describeDiagnostic, int } from '../text';

function integerFlag(flags: Map<string, string>, name: string, min: number, max: number): number | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, not "${v}"`);
  return n;
}

export const exportCommand: Command = {
  name: 'export',
  usage: `export <design.json | preset:NAME | example:NAME> -o model.onnx [--opset N (${MIN_OPSET}-${MAX_OPSET}, default ${DEFAULT_OPSET})] [--seed S] [--fold-bn] [--shift slice|conv]`,
  run(args, io) {
    const { positional, flags, switches } = parseArgs(
      args,
      [...sourceFlags, 'o', 'opset', 'seed', 'shift'],
      ['fold-bn'],
    );
    const target = flags.get('o');
    if (target === undefined) throw new UsageError('missing -o model.onnx: where to write the model');
    const opset = integerFlag(flags, 'opset', MIN_OPSET, MAX_OPSET);
    const seed = integerFlag(flags, 'seed', 0, 2 ** 32 - 1);
    const shift = flags.get('shift');
    if (shift !== undefined && shift !== 'slice' && shift !== 'conv')
      throw new UsageError(`--shift must be slice or conv, not "${shift}"`);
    const design = loadSource(positional[0], flags, io);
    const errors = analyze(design).diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    if (first !== undefined)
      throw new UsageError(
        `${describeDiagnostic(first, design)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
      );
    const r = exportDesign(design, {
      ...(opset === undefined ? {} : { opset }),
      ...(seed === undefined ? {} : { seed }),
      ...(shift === undefined ? {} : { shift }),
      foldBatchNorm: switches.has('fold-bn'),
    });
    if (!r.ok) throw new UsageError(`${positional[0] ?? ''}: ${r.errors[0] ?? 'cannot export'}`);
    io.writeFile(target, r.bytes);
    for (const note of r.notes) io.out(`note: ${note}`);
    io.out(
      `wrote ${target}: ${int(r.bytes.length)} bytes, opset ${opset ?? DEFAULT_OPSET}, ${r.model.graph?.node?.length ?? 0} nodes`,
    );
  },
};
