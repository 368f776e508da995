const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const codes = Uint8Array.from(alphabet, (c) => c.charCodeAt(0));
const ascii = new TextDecoder();
/** Two base64 characters for every 12 bits, as one little-endian 16-bit write. */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const twoChars = Uint16Array.from({ length: 4096 }, (_, v) => {
  const a = codes[v >> 6] ?? 0;
  const b = codes[v & 63] ?? 0;
  return littleEndian ? a | (b << 8) : (a << 8) | b;
});
const lookup = new Uint8Array(128).fill(255);
for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i;

/** Base64 of raw bytes; pure (no Buffer, no btoa), so it runs the same in Node and the browser. */
export function toBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const whole = n - (n % 3);
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  const pairs = new Uint16Array(out.buffer, 0, (whole / 3) * 2);
  let k = 0;
  for (let i = 0; i < whole; i += 3) {
    const v = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    pairs[k++] = twoChars[v >> 12] ?? 0;
    pairs[k++] = twoChars[v & 4095] ?? 0;
  }
  if (whole < n) {
    const v = ((bytes[whole] ?? 0) << 16) | ((bytes[whole + 1] ?? 0) << 8);
    const o = (whole / 3) * 4;
    out[o] = codes[v >> 18] ?? 0;
    out[o + 1] = codes[(v >> 12) & 63] ?? 0;
    out[o + 2] = whole + 1 < n ? (codes[(v >> 6) & 63] ?? 0) : 61;
    out[o + 3] = 61;
  }
  // The output is ASCII, which is valid UTF-8: the native decoder turns it into a string fast.
  return ascii.decode(out);
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
