const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map(Array.from(ALPHABET, (ch, i) => [ch, i]));

/**
 * Why a link could not be decoded: it is empty, holds a character no link has, is cut short, is damaged
 * (not lz-string's output), or expands past the limit. The caller words it (store:share.why).
 */
export type DecodeFailure = 'empty' | 'characters' | 'cutShort' | 'undecodable' | 'tooBig';

export type Decoded =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly why: DecodeFailure };

/**
 * lz-string's decompressFromEncodedURIComponent, with the output bounded. lz-string keeps every
 * dictionary entry as a whole string and has no limit, so a 70 KB link can expand to hundreds of
 * millions of characters (its output grows with the square of its input), and some damaged links
 * make it throw. Here an entry is a (prefix entry, last character) pair, decoding stops as soon
 * as the output would pass `maxChars`, and every damage is a reason (a DecodeFailure), never an exception.
 */
export function decodeShareText(input: string, maxChars: number): Decoded {
  const text = input.replace(/ /g, '+');
  if (text === '') return { ok: false, why: 'empty' };
  for (const ch of text) if (!VALUE.has(ch)) return { ok: false, why: 'characters' };
  let val = VALUE.get(text[0] ?? '') ?? 0;
  let position = 32;
  let index = 1;
  // Past the end a read gives zeros, as in lz-string; the main loop stops at the end.
  const bits = (count: number): number => {
    let out = 0;
    for (let power = 1, n = 0; n < count; n++, power *= 2) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = 32;
        val = VALUE.get(text[index++] ?? '') ?? 0;
      }
      if (bit > 0) out += power;
    }
    return out;
  };
  // Entries from 3 on; 0–2 are the codes for "8-bit char", "16-bit char" and "end".
  const prefix: number[] = [-1, -1, -1];
  const last: number[] = [0, 0, 0];
  const first: number[] = [0, 0, 0];
  const length: number[] = [0, 0, 0];
  const out: number[] = [];
  const add = (p: number, ch: number): number => {
    prefix.push(p);
    last.push(ch);
    first.push(p < 0 ? ch : (first[p] ?? ch));
    length.push(p < 0 ? 1 : (length[p] ?? 0) + 1);
    return prefix.length - 1;
  };
  const emit = (entry: number): boolean => {
    const n = length[entry] ?? 0;
    if (out.length + n > maxChars) return false;
    const start = out.length;
    out.length += n;
    for (let e = entry, i = start + n - 1; e >= 0; e = prefix[e] ?? -1, i--) out[i] = last[e] ?? 0;
    return true;
  };
  const literal = (code: number): number | undefined =>
    code === 0 || code === 1 ? add(-1, bits(code === 0 ? 8 : 16)) : undefined;
  let numBits = 3;
  let enlargeIn = 4;
  const head = bits(2);
  if (head === 2) return { ok: true, text: '' };
  let w = literal(head);
  if (w === undefined) return { ok: false, why: 'undecodable' };
  if (!emit(w)) return { ok: false, why: 'tooBig' };
  for (;;) {
    if (index > text.length) return { ok: false, why: 'cutShort' };
    let c = bits(numBits);
    if (c === 2) break;
    const made = literal(c);
    if (made !== undefined) {
      c = made;
      enlargeIn--;
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    const size = prefix.length;
    let entry: number;
    if (c < size && c >= 3) entry = c;
    else if (c === size) entry = add(w, first[w] ?? 0);
    else return { ok: false, why: 'undecodable' };
    if (!emit(entry)) return { ok: false, why: 'tooBig' };
    // The entry for w + entry[0]; when entry was just made as that very string, it is this one.
    if (entry !== size) add(w, first[entry] ?? 0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    if (numBits > 30) return { ok: false, why: 'undecodable' };
  }
  let s = '';
  for (let i = 0; i < out.length; i += 8192) s += String.fromCharCode(...out.slice(i, i + 8192));
  return { ok: true, text: s };
}
