import * as ort from 'onnxruntime-node';
import { UsageError, type CliIO } from '../src/cli/command';
import { pb } from '../src/core/onnx/proto';
import { runCli } from '../src/cli/run';

export interface CliRun {
  readonly status: number;
  readonly out: string;
  readonly err: string;
  /** Wall time of the command. */
  readonly ms: number;
}

/** Runs one command line of the project's CLI against in-memory files (which it may add to). */
export async function cli(args: readonly string[], files: Map<string, Uint8Array | string>): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    readFile: (p) => {
      const f = files.get(p);
      if (f === undefined) throw new UsageError(`${p}: no such file`);
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    writeFile: (p, d) => void files.set(p, d),
  };
  const t0 = performance.now();
  const status = await runCli(args, io, (t) => (err += t));
  return { status, out, err, ms: performance.now() - t0 };
}

/** Every figure of `cost --json` is a finite number (JSON writes Infinity and NaN as null). */
function finiteFigures(json: string): boolean {
  const figures = ['params', 'buffers', 'multiplyAdds', 'memoryAccess', 'memoryAccessConvFc'];
  const finite = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
  try {
    const j = JSON.parse(json) as Record<string, unknown> & {
      activations?: { sum?: unknown; peak?: unknown };
      layers?: Record<string, unknown>[];
    };
    return (
      figures.every((f) => finite(j[f])) &&
      finite(j.activations?.sum) &&
      finite(j.activations?.peak) &&
      (j.layers ?? []).every((l) => ['params', 'multiplyAdds', 'memoryAccess'].every((f) => finite(l[f])))
    );
  } catch {
    return false;
  }
}

/**
 * The oracle of an accepted file: onnxruntime loads the model the design exports and runs it on
 * zeros. Undefined when it does; else what onnxruntime said, cut to its first line.
 */
export async function ortRefusal(bytes: Uint8Array): Promise<string | undefined> {
  try {
    const session = await ort.InferenceSession.create(bytes);
    const graph = pb.ModelProto.decode(bytes).graph;
    const feeds: Record<string, ort.Tensor> = {};
    for (const input of graph?.input ?? []) {
      const dims = (input.type?.tensorType?.shape?.dim ?? []).map((d) => Number(d.dimValue ?? 1));
      feeds[input.name ?? ''] = new ort.Tensor(
        'float32',
        new Float32Array(dims.reduce((a, b) => a * b, 1)),
        dims,
      );
    }
    await session.run(feeds);
    await session.release();
    return undefined;
  } catch (e) {
    return (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 240) ?? '';
  }
}

export interface Verdict {
  /** The first command's run; then, when it succeeded, the checks of what it wrote. */
  readonly runs: readonly (CliRun & { readonly command: string })[];
  /** A later command refused what an earlier one accepted. */
  readonly disagreement?: string;
}

/**
 * One verdict: an ONNX file through `import`, and when that succeeds the design it wrote through
 * `validate` and `export`; a design through `validate`, then `cost --json` and `export`. Every
 * command after a success must succeed too.
 */
export async function verdict(kind: 'onnx' | 'design', bytes: Uint8Array | string): Promise<Verdict> {
  const files = new Map<string, Uint8Array | string>([[kind === 'onnx' ? 'in.onnx' : 'in.json', bytes]]);
  const first = kind === 'onnx' ? ['import', 'in.onnx', '-o', 'in.json'] : ['validate', 'in.json'];
  const runs: (CliRun & { command: string })[] = [];
  const r0 = await cli(first, files);
  runs.push({ ...r0, command: first[0] ?? '' });
  if (r0.status !== 0) return { runs };
  const then = [
    ...(kind === 'onnx' ? [['validate', 'in.json']] : [['cost', 'in.json', '--json']]),
    ['export', 'in.json', '-o', 'out.onnx'],
  ];
  for (const args of then) {
    const r = await cli(args, files);
    runs.push({ ...r, command: args[0] ?? '' });
    // Export needs an Input and an Output, which validate warns about (CS010, CS011) but allows.
    const warned = /CS01[01]/.test(r0.out) && /has no (Input|Output) node/.test(r.err);
    if (r.status !== 0 && !warned)
      return { runs, disagreement: `${first[0] ?? ''} accepted, ${args[0] ?? ''} refused: ${r.err.trim()}` };
    if (args[0] === 'cost' && !finiteFigures(r.out))
      return { runs, disagreement: `cost --json printed a figure that is not a finite number` };
  }
  // Every ONNX file the import accepts must export to a model onnxruntime loads and runs.
  const out = files.get('out.onnx');
  if (kind === 'onnx' && out instanceof Uint8Array) {
    const refusal = await ortRefusal(out);
    if (refusal !== undefined)
      return { runs, disagreement: `import accepted, onnxruntime refused the export: ${refusal}` };
  }
  return { runs };
}
