// The kind table first: every command reads it.
import '../core/kinds';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError, type CliIO } from './command';
import './tfjs-resolve';

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

// Loaded after the resolve hook, so TensorFlow.js's gradient modules resolve (tfjs-resolve.ts).
const { runCli } = await import('./run');
process.exitCode = await runCli(process.argv.slice(2), io, (text) => process.stderr.write(text));
