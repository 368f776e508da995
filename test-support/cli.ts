import { UsageError, type CliIO } from '../src/cli/command';
import { runCli } from '../src/cli/run';

/**
 * Runs the CLI in-process against an in-memory file system: `files` is read from and written to
 * (so one test can export and then import), and `written` lists what this call wrote.
 */
export async function cliInMemory(args: string[], files: Record<string, Uint8Array | string> = {}) {
  let out = '';
  let err = '';
  const written: Record<string, Uint8Array | string> = {};
  const io: CliIO = {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    readFile: (p) => {
      const f = files[p];
      if (f === undefined) throw new UsageError(`${p}: no such file`);
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    writeFile: (p, d) => {
      written[p] = d;
      files[p] = d;
    },
  };
  const status = await runCli(args, io, (t) => (err += t));
  return { status, out, err, files, written };
}
