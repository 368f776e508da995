import { analyze } from '../../core/analysis/analyze';
import { trainingProject } from '../../core/torch/project/project';
import { UsageError, type CliIO } from '../command';
import { loadSource } from '../source';
import { describeDiagnostic, int } from '../text';

/** `export SOURCE -o DIR --train`: the design as a PyTorch training project in the folder DIR. */
export function writeTrainingProject(
  source: string | undefined,
  target: string | undefined,
  flags: Map<string, string>,
  switches: Set<string>,
  io: CliIO,
): void {
  if (target === undefined)
    throw new UsageError('missing -o DIR: the folder to write the training project in');
  if (/\.(py|onnx)$/.test(target))
    throw new UsageError(`-o ${target}: --train writes a folder of files; give a folder name, such as run/`);
  const other =
    ['opset', 'shift', 'nested'].find((f) => flags.has(f)) ??
    ['fold-bn', 'weights'].find((f) => switches.has(f));
  if (other !== undefined) throw new UsageError(`--${other} does not apply to --train`);
  const seedText = flags.get('seed');
  const seed = seedText === undefined ? 0 : Number(seedText);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1)
    throw new UsageError(`--seed must be an integer from 0 to ${2 ** 32 - 1}, not "${seedText ?? ''}"`);
  const design = loadSource(source, flags, io);
  const errors = analyze(design).diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (first !== undefined)
    throw new UsageError(
      `${describeDiagnostic(first, design)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
    );
  const r = trainingProject(design, { seed });
  if (!r.ok) throw new UsageError(r.errors[0] ?? 'cannot export');
  const dir = target.replace(/[\\/]+$/, '');
  for (const f of r.files) io.writeFile(`${dir}/${f.path}`, f.data);
  for (const note of r.notes) io.out(`note: ${note}`);
  const bytes = r.files.reduce(
    (n, f) => n + (typeof f.data === 'string' ? new TextEncoder().encode(f.data).length : f.data.length),
    0,
  );
  io.out(`wrote ${dir}/: ${r.files.map((f) => f.path).join(', ')} (${int(bytes)} bytes)`);
  io.out(
    `train: cd ${dir} && python train.py --data synthetic --epochs 1   (README.md: one GPU, torchrun, Slurm)`,
  );
}
