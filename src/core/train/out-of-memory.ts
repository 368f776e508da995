/**
 * What the engines say when they run out of memory: tfjs-wasm's heap ("Cannot enlarge memory",
 * "memory access out of bounds"), WebGPU's buffers, V8's typed arrays ("Array buffer allocation
 * failed"), an allocator's "out of memory" or "failed to allocate".
 */
const OUT_OF_MEMORY =
  /out of memory|\bOOM\b|failed to allocate|allocation failed|Cannot enlarge memory|memory access out of bounds|Array buffer allocation/i;

/** Whether a thrown value is an allocation failure (by its name and message). */
export function isOutOfMemory(e: unknown): boolean {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return OUT_OF_MEMORY.test(text);
}

/** A batch to suggest after running out of memory at `batch`: half of it, at least 1. */
export const smallerBatch = (batch: number): number => Math.max(1, Math.floor(batch / 2));
