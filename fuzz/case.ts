import { parentPort } from 'node:worker_threads';
import { readShareHash } from '../src/state/share';
import { bareMessage, messageShape } from './classify';
import { loadCorpus, type Corpus } from './corpus';
import { mutateBytes, mutateDesign, mutateLink, mutateModel } from './mutate';
import { caseRng } from './rng';
import { verdict } from './verdict';

export const caseKinds = ['onnx bytes', 'onnx structure', 'design', 'share link'] as const;
export type CaseKind = (typeof caseKinds)[number];
export const kindOf = (index: number): CaseKind => caseKinds[index % caseKinds.length] ?? 'design';

export type Outcome =
  'ok' | 'clean rejection' | 'crash' | 'hang' | 'over memory' | 'bare message' | 'disagreement';

export interface CaseResult {
  readonly index: number;
  readonly outcome: Outcome;
  /** The message that decided the outcome, cut for the report. */
  readonly detail: string;
}

let corpus: Corpus | undefined;

/** Smaller seeds more often: torch's files are a quarter of the ONNX cases. */
function onnxSeed(c: Corpus, pick: (n: number) => number): Uint8Array {
  const small = c.onnx.filter((b) => b.length < 500_000);
  const list = pick(4) === 0 || small.length === 0 ? c.onnx : small;
  return list[pick(list.length)] ?? new Uint8Array();
}

/** The input of case `index` of a run: a fixed function of the seed, the index and the corpus. */
export function makeInput(
  c: Corpus,
  seed: number,
  index: number,
): { kind: CaseKind; input: Uint8Array | string } {
  const rng = caseRng(seed, index);
  const kind = kindOf(index);
  if (kind === 'share link') return { kind, input: mutateLink(c.links, c.designs, rng) };
  if (kind === 'design')
    return { kind, input: mutateDesign(c.designs[rng.int(c.designs.length)] ?? '{}', rng) };
  const mutate = kind === 'onnx bytes' ? mutateBytes : mutateModel;
  return {
    kind,
    input: mutate(
      onnxSeed(c, (n) => rng.int(n)),
      rng,
    ),
  };
}

/** Builds case `index` of the run from its seed and runs it through the project's own entry points. */
export async function runCase(seed: number, index: number, commandMs = 10_000): Promise<CaseResult> {
  corpus ??= loadCorpus();
  const said = (outcome: Outcome, detail: string): CaseResult => ({
    index,
    outcome,
    detail: detail.slice(0, 300),
  });
  try {
    const { kind, input } = makeInput(corpus, seed, index);
    if (typeof input === 'string' && kind === 'share link') {
      const t0 = performance.now();
      const r = readShareHash(input);
      if (performance.now() - t0 > commandMs) return said('hang', 'reading the link took too long');
      if (r === undefined || r.ok) return said('ok', '');
      const text = r.errors.join(' ');
      const bad = messageShape(text) ?? bareMessage(text);
      return bad === undefined ? said('clean rejection', text) : said('bare message', `${bad}: ${text}`);
    }
    const v = await verdict(kind === 'design' ? 'design' : 'onnx', input);
    for (const r of v.runs) {
      // Each command must end within the limit (the worker's own limit covers the whole chain).
      if (r.ms > commandMs) return said('hang', `${r.command} took ${(r.ms / 1000).toFixed(1)} s`);
      if (/unexpected failure/.test(r.err)) return said('crash', `${r.command}: ${r.err.trim()}`);
      const bad = messageShape(r.err) ?? bareMessage(r.err);
      if (bad !== undefined) return said('bare message', `${r.command}: ${bad}: ${r.err.trim()}`);
    }
    if (v.disagreement !== undefined) return said('disagreement', v.disagreement);
    const first = v.runs[0];
    return first?.status === 0 ? said('ok', '') : said('clean rejection', first?.err.trim() ?? '');
  } catch (e) {
    return said('crash', e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  }
}

if (parentPort !== null) {
  const port = parentPort;
  port.on('message', (m: { seed: number; index: number; commandMs: number }) => {
    void runCase(m.seed, m.index, m.commandMs).then((r) => {
      port.postMessage(r);
    });
  });
  // The corpus is read before the worker says it is ready: its first case is timed like the others.
  corpus ??= loadCorpus();
  port.postMessage('ready');
}
