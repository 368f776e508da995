import { analyze } from '../../core/analysis/analyze';
import type { Design } from '../../core/design/design-types';
import { jointNestedDesign, nestedLevelDesigns, nestedLevels } from '../../core/methods/nested';
import { exportDesign } from '../../core/onnx/export/onnx-export';
import { DEFAULT_OPSET, MAX_OPSET, MIN_OPSET } from '../../core/onnx/version';
import { exportTorch } from '../../core/torch/torch-export';
import { UsageError, parseArgs, type Command } from '../command';
import { loadSource, sourceFlags } from '../source';
import { describeDiagnostic, int } from '../text';
import { writeTrainingProject } from './training-project';

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
  usage: `export <design.json | preset:NAME | example:NAME> -o model.onnx|net.py [--opset N (${MIN_OPSET}-${MAX_OPSET}, default ${DEFAULT_OPSET})] [--seed S] [--fold-bn] [--shift slice|conv] [--weights (.py: write He-initialised weights too)] [--nested separate|joint (NestedNet levels: one file per level, or one with every level's output)] | -o DIR --train [--seed S] (a PyTorch training project: net.py, train.py, data.py, recipe.json, README.md)`,
  run(args, io) {
    const { positional, flags, switches } = parseArgs(
      args,
      [...sourceFlags, 'o', 'opset', 'seed', 'shift', 'nested'],
      ['fold-bn', 'weights', 'train'],
    );
    const target = flags.get('o');
    if (switches.has('train')) {
      writeTrainingProject(positional[0], target, flags, switches, io);
      return;
    }
    if (target === undefined)
      throw new UsageError('missing -o model.onnx or -o net.py: where to write the model');
    const python = target.endsWith('.py');
    if (!python && !target.endsWith('.onnx'))
      throw new UsageError(`-o ${target}: the format follows the extension, .onnx (ONNX) or .py (PyTorch)`);
    const onnxOnly = ['opset', 'shift']
      .filter((f) => flags.has(f))
      .concat(switches.has('fold-bn') ? ['fold-bn'] : []);
    if (python && onnxOnly.length > 0)
      throw new UsageError(`--${onnxOnly[0] ?? ''} applies to ONNX exports only`);
    if (!python && switches.has('weights'))
      throw new UsageError(
        '--weights applies to PyTorch exports (-o net.py) only: an ONNX file always has its weights',
      );
    const opset = integerFlag(flags, 'opset', MIN_OPSET, MAX_OPSET);
    const seed = integerFlag(flags, 'seed', 0, 2 ** 32 - 1);
    const shift = flags.get('shift');
    if (shift !== undefined && shift !== 'slice' && shift !== 'conv')
      throw new UsageError(`--shift must be slice or conv, not "${shift}"`);
    const nested = flags.get('nested');
    if (nested !== undefined && nested !== 'separate' && nested !== 'joint')
      throw new UsageError(`--nested must be separate or joint, not "${nested}"`);
    const loaded = loadSource(positional[0], flags, io);
    const designs =
      nested === undefined ? [{ design: loaded, target }] : nestedTargets(loaded, nested, target, seed ?? 0);
    for (const { design, target: file } of designs) {
      const errors = analyze(design).diagnostics.filter((d) => d.severity === 'error');
      const first = errors[0];
      if (first !== undefined)
        throw new UsageError(
          `${describeDiagnostic(first, design)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
        );
      if (python) {
        writePython(design, file, seed, switches.has('weights'), io);
        continue;
      }
      const r = exportDesign(design, {
        ...(opset === undefined ? {} : { opset }),
        ...(seed === undefined ? {} : { seed }),
        ...(shift === undefined ? {} : { shift }),
        foldBatchNorm: switches.has('fold-bn'),
      });
      if (!r.ok) throw new UsageError(`${positional[0] ?? ''}: ${r.errors[0] ?? 'cannot export'}`);
      io.writeFile(file, r.bytes);
      for (const note of r.notes) io.out(`note: ${note}`);
      io.out(
        `wrote ${file}: ${int(r.bytes.length)} bytes, opset ${opset ?? DEFAULT_OPSET}, ${r.model.graph?.node?.length ?? 0} nodes`,
      );
    }
  },
};

/** The PyTorch file, and its weights beside it (net.py → net.safetensors) when it has them. */
function writePython(
  design: Design,
  target: string,
  seed: number | undefined,
  weights: boolean,
  io: Parameters<Command['run']>[1],
): void {
  const weightsPath = `${target.slice(0, -'.py'.length)}.safetensors`;
  const weightsFile = weightsPath.split(/[\\/]/).pop() ?? weightsPath;
  const started = performance.now();
  const r = exportTorch(design, {
    ...(seed === undefined ? {} : { seed }),
    ...(weights ? { weights: true } : {}),
    weightsFile,
  });
  if (!r.ok) throw new UsageError(r.errors[0] ?? 'cannot export');
  io.writeFile(target, r.source);
  if (r.weights !== undefined) io.writeFile(weightsPath, r.weights);
  for (const note of r.notes) io.out(`note: ${note}`);
  const ms = performance.now() - started;
  io.out(
    `wrote ${target}: ${int(r.source.split('\n').length)} lines of PyTorch${r.weights === undefined ? '' : `, and ${weightsPath}: ${int(r.weights.length)} bytes of weights`} (${ms.toFixed(0)} ms)`,
  );
}

/**
 * NestedNet: one model per level ("m.onnx" → "m.level0.25.onnx", "net.py" → "net.level0.25.py", …),
 * each with its prefix of the shared weights, or one model with every level's output.
 */
function nestedTargets(
  design: Design,
  form: 'separate' | 'joint',
  target: string,
  seed: number,
): { design: Design; target: string }[] {
  if (design.nested === undefined)
    throw new UsageError('--nested needs a design with NestedNet levels (its "nested" field)');
  const levels = nestedLevels(design, design.nested.widths);
  if (!levels.ok) throw new UsageError(levels.error);
  if (form === 'joint') return [{ design: jointNestedDesign(levels.value, seed), target }];
  const dot = target.lastIndexOf('.');
  const stem = target.slice(0, dot);
  const ext = target.slice(dot);
  return nestedLevelDesigns(levels.value, seed).map((d, i) => ({
    design: d,
    target: `${stem}.level${levels.value[i]?.width ?? i}${ext}`,
  }));
}
