/** The most characters of a name a message shows; the rest is cut and counted. */
const SHOWN = 64;

/**
 * A name from a file, safe inside a one-line message: in double quotes, control characters and
 * quotes escaped (an ANSI escape or a newline in a node name cannot reach the terminal or cut the
 * line), and a long name cut to its first characters with the total length said.
 */
export function quote(name: string): string {
  const chars = Array.from(name.length > SHOWN * 4 ? name.slice(0, SHOWN * 4) : name);
  const shown = chars.slice(0, SHOWN).map(escapeChar).join('');
  const cut = chars.length > SHOWN ? `…" (${name.length.toLocaleString('en-US')} characters)` : '"';
  return `"${shown}${cut}`;
}

function escapeChar(ch: string): string {
  if (ch === '"' || ch === '\\') return `\\${ch}`;
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  const code = ch.codePointAt(0) ?? 0;
  // C0 and C1 controls, DEL, line and paragraph separators, bidi overrides, lone surrogates.
  if (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    (code >= 0xd800 && code <= 0xdfff)
  )
    return `\\u${code.toString(16).padStart(4, '0')}`;
  return ch;
}

/** One line whatever it holds: a message made safe for a terminal as a whole (the last guard). */
export function oneLine(text: string, max = 2_000): string {
  const flat = Array.from(text.length > max * 2 ? text.slice(0, max * 2) : text)
    .map((ch) => (ch === '"' || ch === '\\' || ch === ' ' ? ch : escapeChar(ch)))
    .join('');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** An op type or other identifier from a file: as it is when plain, else quoted like a name. */
export function ident(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]{0,63}$/.test(name) ? name : quote(name);
}
