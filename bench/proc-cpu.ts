import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of processes from Linux's /proc, in nanoseconds (schedstat's time on a CPU, summed over
 * every thread). On a loaded machine a run's wall time depends on what else the scheduler runs;
 * its CPU time does not, so the paired benchmark reports both.
 */

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** Whether this system offers per-thread schedstat (Linux with schedstats). */
export const hasSchedstat = (): boolean => read(`/proc/${process.pid}/schedstat`) !== undefined;

/** Processes below `root` (children, grandchildren …) whose command name matches `comm`. */
export function descendants(root: number, comm: RegExp): number[] {
  const parent = new Map<number, number>();
  const name = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = read(`/proc/${pid}/stat`);
    if (stat === undefined) continue;
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const close = stat.lastIndexOf(')');
    name.set(pid, stat.slice(stat.indexOf('(') + 1, close));
    parent.set(pid, Number(stat.slice(close + 2).split(' ')[1]));
  }
  const below = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return [...parent.keys()].filter((pid) => below(pid) && comm.test(name.get(pid) ?? ''));
}

/** Nanoseconds on a CPU so far, summed over every thread of `pids` (threads gone are not counted). */
export function cpuNs(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) total += Number(read(`/proc/${pid}/task/${tid}/schedstat`)?.split(' ')[0] ?? 0);
  }
  return total;
}

/** Wall and CPU milliseconds of `run` in this process (every thread of it), and what it returned. */
export async function timeInProcess<T>(
  run: () => Promise<T>,
): Promise<{ ms: number; cpuMs: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, value };
}
