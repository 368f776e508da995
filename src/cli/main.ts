import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError, type CliIO } from './command';
import { runCli } from './run';

const io: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  readFile: (path) => {
    try {
      return readFileSync(path);
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw new UsageError(
        code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? 'error'})`,
      );
    }
  },
  writeFile: (path, data) => {
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    } catch (e) {
      throw new UsageError(`${path}: cannot write (${(e as { code?: string }).code ?? 'error'})`);
    }
  },
};

process.exitCode = await runCli(process.argv.slice(2), io, (text) => process.stderr.write(text));
