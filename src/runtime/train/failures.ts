import { isMessage } from '../../core/message';
import { isOutOfMemory } from '../../core/train/out-of-memory';
import type { TrainFailure } from './protocol';

/** A thrown error (or an engine's refusal) as a failure the page can word in either language. */
export function classifyFailure(e: unknown, batch: number): TrainFailure {
  const said = (e as { said?: unknown } | null)?.said;
  if (isMessage(said)) {
    // The one refusal the Train tab can repair in one click: widen the head.
    const { classes, outputs } = said.params;
    // The engine's own out-of-memory sentence: the Train tab words it for the browser.
    if (said.key === 'trainOutOfMemory') return { code: 'out-of-memory', batch };
    if (said.key === 'trainTooManyClasses' && typeof classes === 'number' && typeof outputs === 'number')
      return { code: 'too-many-classes', classes, outputs };
    return { code: 'said', said };
  }
  if (isMessage(e)) return { code: 'said', said: e };
  if (isOutOfMemory(e)) return { code: 'out-of-memory', batch };
  return { code: 'internal', detail: e instanceof Error ? e.message : String(e) };
}
