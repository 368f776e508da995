import type { DesignWeights } from '../core/design/design-types';

/**
 * A design's weights as IndexedDB keeps them: one Blob of every tensor's float32 values, and an
 * index of where each one lies. Storing a Blob costs the page next to nothing (the browser writes
 * its bytes away from the main thread), where storing the arrays themselves serialises every byte
 * on it: about 0.9 s for EfficientNet-B0's 20 MB here.
 */
export interface PackedWeights {
  readonly packed: 'float32-blob';
  readonly source: string;
  readonly blob: Blob;
  /** [layer key, role, number of values], in the Blob's order. */
  readonly index: readonly (readonly [string, string, number])[];
}

/** Weights packed already (by the import worker, off the main thread), by the weights object. */
const packedAlready = new WeakMap<DesignWeights, PackedWeights>();

export function rememberPacked(weights: DesignWeights, packed: PackedWeights): void {
  packedAlready.set(weights, packed);
}

export function packWeights(weights: DesignWeights): PackedWeights {
  const known = packedAlready.get(weights);
  if (known !== undefined) return known;
  const index: [string, string, number][] = [];
  const parts: Float32Array[] = [];
  for (const [key, roles] of Object.entries(weights.layers))
    for (const [role, values] of Object.entries(roles)) {
      index.push([key, role, values.length]);
      parts.push(values);
    }
  return { packed: 'float32-blob', source: weights.source, blob: new Blob(parts as BlobPart[]), index };
}

const isPacked = (v: unknown): v is PackedWeights =>
  typeof v === 'object' &&
  v !== null &&
  (v as { packed?: unknown }).packed === 'float32-blob' &&
  (v as { blob?: unknown }).blob instanceof Blob &&
  Array.isArray((v as { index?: unknown }).index);

/**
 * Stored weights as a design holds them: a packed form unpacked (undefined when its index does not
 * fit its bytes: the design then opens without them), anything else as it was (earlier saves held
 * the arrays, or base64 text, which the document's validation reads).
 */
export async function unpackWeights(stored: unknown): Promise<unknown> {
  if (!isPacked(stored)) return stored;
  const bytes = await stored.blob.arrayBuffer();
  const layers: Record<string, Record<string, Float32Array>> = {};
  let at = 0;
  for (const entry of stored.index) {
    const [key, role, count] = entry;
    if (!Number.isSafeInteger(count) || count < 0 || at + count * 4 > bytes.byteLength) return undefined;
    (layers[key] ??= {})[role] = new Float32Array(bytes, at, count);
    at += count * 4;
  }
  return at === bytes.byteLength ? { source: stored.source, layers } : undefined;
}
