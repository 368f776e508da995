import { isMessage } from '../../core/message';
import type { TrainFailure } from './protocol';

/** What backends say when they run out of memory (WASM's heap, WebGPU's buffers, the JS heap). */
const OUT_OF_MEMORY =
  /out of memory|\bOOM\b|failed to allocate|allocation failed|Cannot enlarge memory|memory access out of bounds|Array buffer allocation/i;

/** A thrown error (or an engine's refusal) as a failure the page can word in either language. */
export function classifyFailure(e: unknown, batch: number): TrainFailure {
  const said = (e as { said?: unknown } | null)?.said;
  if (isMessage(said)) {
    // The one refusal the Train tab can repair in one click: widen the head.
    const { classes, outputs } = said.params;
    if (said.key === 'trainTooManyClasses' && typeof classes === 'number' && typeof outputs === 'number')
      return { code: 'too-many-classes', classes, outputs };
    return { code: 'said', said };
  }
  if (isMessage(e)) return { code: 'said', said: e };
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (OUT_OF_MEMORY.test(text)) return { code: 'out-of-memory', batch };
  return { code: 'internal', detail: e instanceof Error ? e.message : String(e) };
}
