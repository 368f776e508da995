import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { bareMessage, messageShape } from '../../fuzz/classify';
import { limits } from '../core/limits';
import { i18next } from '../i18n';
import { readShareHash } from './share';

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;
import { decodeShareText } from './share-decode';

/** lz-string's own result, or undefined when it throws on the input. */
function lzString(input: string): string | null | undefined {
  try {
    return decompressFromEncodedURIComponent(input);
  } catch {
    return undefined;
  }
}

describe('the bounded share-link decoder', () => {
  it('decodes what lz-string compresses, exactly as lz-string does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const packed = compressToEncodedURIComponent(text);
        expect(decodeShareText(packed, 10_000)).toEqual({ ok: true, text });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random links, and what it decodes from them is what lz-string decodes', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...Array.from(alphabet)), minLength: 1, maxLength: 60 }),
        (link) => {
          const ours = decodeShareText(link, 1_000_000);
          // lz-string reads a damaged stream on (an unknown first code gives "undefined" entries);
          // the bounded decoder refuses such a link instead, and agrees wherever it decodes one.
          if (ours.ok) expect(lzString(link)).toBe(ours.text);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('stops at the limit instead of expanding a small link into a huge text', () => {
    const packed = compressToEncodedURIComponent('a'.repeat(2_000_000));
    expect(packed.length).toBeLessThan(20_000);
    expect(decodeShareText(packed, 1_000_000)).toEqual({ ok: false, why: 'tooBig' });
  });
});

describe('share links that are not designs', () => {
  const huge = `{"format":"compact-studio-design","version":1,"name":"${'x'.repeat(limits.maxShareTextChars)}"}`;
  const cases: readonly [string, string, RegExp][] = [
    [
      'a two-character link lz-string throws on',
      '#design=yA',
      /share link: the design in this link is damaged/,
    ],
    ['characters no link has', '#design=%%%', /share link: the design in this link is damaged/],
    ['an empty link', '#design=', /share link: the design in this link is damaged/],
    [
      'a link over the size limit',
      `#design=${'A'.repeat(limits.maxShareLinkChars + 1)}`,
      /above the longest share link/,
    ],
    [
      'a link that expands past the limit',
      `#design=${compressToEncodedURIComponent(huge)}`,
      /once expanded, above the longest design a share link may hold/,
    ],
    [
      'a link to text that is not JSON',
      `#design=${compressToEncodedURIComponent('hello')}`,
      /share link: document: not valid JSON/,
    ],
    [
      'a link to a design with a misspelt setting',
      `#design=${compressToEncodedURIComponent(
        JSON.stringify({
          format: 'compact-studio-design',
          version: 1,
          name: 'x',
          nodes: [{ id: 'n1', kind: 'Input', label: 'in', position: { x: 0, y: 0 }, params: { chanels: 3 } }],
          edges: [],
        }),
      )}`,
      /did you mean "channels"\?/,
    ],
  ];

  it.each(cases)('%s: refused in one clean sentence, fast', (_what, hash, message) => {
    const t0 = performance.now();
    let r: ReturnType<typeof readShareHash>;
    expect(() => (r = readShareHash(hash))).not.toThrow();
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(r?.ok).toBe(false);
    const text = r?.ok === false ? r.errors.join(' ') : '';
    expect(text).toMatch(message);
    expect(messageShape(text)).toBeUndefined();
    expect(bareMessage(text)).toBeUndefined();
  });
});

describe('a refused share link, in the UI’s language', () => {
  const long = `#design=${'A'.repeat(limits.maxShareLinkChars + 1)}`;
  const cases: readonly [string, string, string, string][] = [
    [
      'characters no link has',
      '#design=%%%',
      'share link: the design in this link is damaged (the link holds characters no share link has)',
      '分享链接：此链接中的设计已损坏（链接含有分享链接中不会出现的字符）',
    ],
    [
      'an empty link',
      '#design=',
      'share link: the design in this link is damaged (the link holds no design)',
      '分享链接：此链接中的设计已损坏（链接里没有设计）',
    ],
    [
      'a link over the size limit',
      long,
      'share link: the link is 262,145 characters long, above the longest share link (262,144; see docs/limits.md)',
      '分享链接：链接长 262,145 个字符，超过了分享链接的长度上限（262,144；见 docs/limits.md）',
    ],
  ];

  it.each(cases)('%s', async (_what, hash, en, zh) => {
    try {
      for (const [lang, text] of [
        ['en', en],
        ['zh', zh],
      ] as const) {
        await i18next.changeLanguage(lang);
        const r = readShareHash(hash);
        expect(r?.ok === false && r.errors).toEqual([text]);
      }
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});

describe('a share link of a deeply nested design', () => {
  it('is refused in one sentence, never thrown (settings nested 4,000 levels)', () => {
    let inner: Record<string, unknown> = {};
    const extra = inner;
    for (let i = 0; i < 4000; i++) {
      const next: Record<string, unknown> = {};
      inner['a'] = next;
      inner = next;
    }
    const doc = {
      format: 'compact-studio-design',
      version: 2,
      name: 'deep',
      nodes: [{ id: 'n1', kind: 'Input', label: 'image', params: { extra }, position: { x: 0, y: 0 } }],
      edges: [],
    };
    const link = `#design=${compressToEncodedURIComponent(JSON.stringify(doc))}`;
    const r = readShareHash(link);
    expect(r?.ok === false ? r.errors : r).toEqual([
      expect.stringMatching(
        /^share link: document: the value at "nodes\.0\.params\.extra\.a.*nests above the deepest nesting/,
      ),
    ]);
  });
});
