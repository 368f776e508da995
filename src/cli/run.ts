import { UsageError, type CliIO } from './command';
import { commands } from './commands';

function usage(): string {
  return ['usage: npm run cli -- <command>', ...commands.map((c) => `  ${c.usage}`)].join('\n');
}

/** Runs one command line; returns the exit status. Errors are one line on stderr, never a stack. */
export async function runCli(
  argv: readonly string[],
  io: CliIO,
  stderr: (text: string) => void,
): Promise<number> {
  const [name, ...rest] = argv;
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    stderr(
      name === undefined || name === '--help'
        ? `${usage()}\n`
        : `error: unknown command "${name}"\n${usage()}\n`,
    );
    return name === '--help' ? 0 : 1;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (e) {
    const message =
      e instanceof UsageError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    stderr(`error: ${message.split('\n')[0] ?? ''}\n`);
    return 1;
  }
}
