/** A CLI command: parses its own arguments, writes to stdout, and throws UsageError on bad input. */
export interface Command {
  readonly name: string;
  readonly usage: string;
  run(args: readonly string[], io: CliIO): Promise<void> | void;
}

export interface CliIO {
  out(text: string): void;
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array | string): void;
}

/** Bad input from the user: printed as one line on standard error, exit status 1. */
export class UsageError extends Error {}

/** Splits `--flag value` pairs and boolean `--flag` from positional arguments. */
export function parseArgs(
  args: readonly string[],
  valueFlags: readonly string[],
  booleanFlags: readonly string[] = [],
): { positional: string[]; flags: Map<string, string>; switches: Set<string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('-') && a !== '-') {
      const name = a.replace(/^--?/, '');
      if (booleanFlags.includes(name)) {
        switches.add(name);
        continue;
      }
      if (!valueFlags.includes(name)) throw new UsageError(`unknown option ${a}`);
      const v = args[i + 1];
      if (v === undefined) throw new UsageError(`option ${a} needs a value`);
      flags.set(name, v);
      i++;
    } else positional.push(a);
  }
  return { positional, flags, switches };
}

export function numberFlag(flags: Map<string, string>, name: string): number | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, not "${v}"`);
  return n;
}
