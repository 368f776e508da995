import i18next from 'i18next';

/**
 * Sentences the canvas asks for once per card or wire, made fast. i18next's `t` resolves the key,
 * plurals, nesting and formats on every call (20–50 µs); a 10,000-node design asked it 20,000 times
 * in one frame. A template is asked of `t` once per key and language, with markers in place of its
 * values, and filled by joining strings; a sentence without values is kept as it is. Both are
 * forgotten when the language changes or a language's sentences arrive (Chinese loads on demand).
 * Only for plain keys: a key with plurals, context or formatted values must go through `t`.
 */
const MARK = '\u0000';
const templates = new Map<string, readonly string[]>();

let watching = false;
const forget = (): void => {
  templates.clear();
};

interface TextOptions {
  readonly lng?: string | undefined;
  /** The text where the key has none (one per key: it is kept with the template). */
  readonly defaultValue?: string;
}

function partsOf(key: string, names: readonly string[], options: TextOptions): readonly string[] {
  const { lng, defaultValue } = options;
  if (!watching) {
    // On first use, when i18next and its store exist.
    i18next.on('languageChanged', forget);
    i18next.on('loaded', forget);
    i18next.store.on('added', forget);
    watching = true;
  }
  const id = `${lng ?? ''}${MARK}${key}${MARK}${names.join(',')}`;
  let parts = templates.get(id);
  if (parts === undefined) {
    const marks = Object.fromEntries(names.map((n, i) => [n, `${MARK}${String(i)}${MARK}`]));
    parts = i18next
      .t(key, {
        ...marks,
        ...(lng === undefined ? {} : { lng }),
        ...(defaultValue === undefined ? {} : { defaultValue }),
      })
      .split(MARK);
    templates.set(id, parts);
  }
  return parts;
}

/**
 * `t(key, values)` for a key whose values are plain strings: the same sentence, from a template
 * made once. `values`' names must be the same on every call for a key (they make the template).
 */
export function fillText(
  key: string,
  values: Readonly<Record<string, string>> = {},
  options: TextOptions = {},
): string {
  const names = Object.keys(values);
  const parts = partsOf(key, names, options);
  if (parts.length === 1) return parts[0] ?? '';
  let out = '';
  // Parts alternate: text, value index, text, value index, ..., text.
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    out += i % 2 === 0 ? part : (values[names[Number(part)] ?? ''] ?? '');
  }
  return out;
}
