const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const lookup = new Uint8Array(128).fill(255);
for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i;

/** Base64 of raw bytes; pure (no Buffer, no btoa), so it runs the same in Node and the browser. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 3 * 4096;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(bytes.length, start + chunk);
    const codes: number[] = [];
    for (let i = start; i < end; i += 3) {
      const a = bytes[i] ?? 0;
      const b = bytes[i + 1] ?? 0;
      const c = bytes[i + 2] ?? 0;
      const n = (a << 16) | (b << 8) | c;
      codes.push(
        alphabet.charCodeAt(n >> 18),
        alphabet.charCodeAt((n >> 12) & 63),
        i + 1 < end ? alphabet.charCodeAt((n >> 6) & 63) : 61,
        i + 2 < end ? alphabet.charCodeAt(n & 63) : 61,
      );
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Decodes base64; undefined when the text is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const ch = text.charCodeAt(i + j);
      const v = ch === 61 ? 0 : ch < 128 ? (lookup[ch] ?? 255) : 255;
      if (v === 255) return undefined;
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** Little-endian float32 values as base64 (the form DesignWeights stores). */
export const floatsToBase64 = (values: Float32Array): string =>
  toBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));

export function base64ToFloats(text: string): Float32Array | undefined {
  const bytes = fromBase64(text);
  if (bytes === undefined || bytes.length % 4 !== 0) return undefined;
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}
