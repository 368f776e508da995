import { oneLine, quote } from '../core/quote';
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
        : `error: unknown command ${quote(name)}\n${usage()}\n`,
    );
    return name === '--help' ? 0 : 1;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (e) {
    // Bad input is said in the command's own words; anything else is a fault of ours, said as
    // such, never with the engine's text (a TypeError names no node and helps no one).
    const message =
      e instanceof UsageError
        ? e.message
        : `${command.name} stopped on an unexpected failure; please report it with the input`;
    stderr(`error: ${oneLine(message)}\n`);
    return 1;
  }
}
