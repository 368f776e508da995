import { writeFileSync } from 'node:fs';
import { makeInput } from './case';
import { loadCorpus } from './corpus';
import { failures, fuzz, outcomeTable } from './run';

/**
 * `npm run fuzz -- --cases N [--seed S] [--jobs J] [--timeout T]`: a seeded run on J workers at
 * once, T seconds allowed per command (default 10); prints the outcome table, exit 1 on any failure. `--replay N` writes case N's input to a file instead.
 */
function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? undefined : Number(process.argv[i + 1]);
  if (v !== undefined && !(Number.isInteger(v) && v >= 0)) {
    console.error(`--${name} must be a whole number`);
    process.exit(2);
  }
  return v ?? fallback;
}

const cases = flag('cases', 1000);
const seed = flag('seed', 1);
const jobs = flag('jobs', 1);
/** Seconds one command may take (a case three times that): more on a machine shared with others. */
const timeout = flag('timeout', 10);
const replay = process.argv.includes('--replay') ? flag('replay', 0) : undefined;

if (replay !== undefined) {
  // `--replay N`: writes case N's input next to the working directory, to run it by hand.
  const { input, kind } = makeInput(loadCorpus(), seed, replay);
  const file = `fuzz-case-${seed}-${replay}.${kind === 'design' ? 'json' : kind === 'share link' ? 'txt' : 'onnx'}`;
  writeFileSync(file, input);
  console.log(`case ${replay} (${kind}) written to ${file}`);
  process.exit(0);
}
const t0 = performance.now();
let done = 0;
const report = await fuzz({
  cases,
  seed,
  jobs,
  timeoutMs: timeout * 1000,
  onCase: (r) => {
    done++;
    if (failures.has(r.outcome)) console.log(`case ${r.index} (${r.kind}): ${r.outcome}: ${r.detail}`);
    if (done % 250 === 0 || done === cases)
      console.log(`${done} of ${cases} cases, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  },
});
console.log(
  `\n### Fuzzing: ${cases} cases, seed ${seed}, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
);
console.log(outcomeTable(report));
console.log(
  `\nslowest case ${(report.slowestMs / 1000).toFixed(2)} s; largest memory growth during a case ${report.peakMb.toFixed(0)} MB; peak resident memory of the run ${report.peakRssMb.toFixed(0)} MB (${jobs} worker${jobs === 1 ? '' : 's'}, ${timeout} s a command)`,
);
process.exitCode = report.bad.length > 0 ? 1 : 0;
