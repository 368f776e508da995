import LZString from 'lz-string';

const { compressToEncodedURIComponent } = LZString;
import { parseDesign, serializeDesign, type LoadResult } from '../core/document/format';
import type { Design } from '../core/graph/types';
import { limits, overLimit } from '../core/limits';
import { decodeShareText } from './share-decode';

const PREFIX = '#design=';

/** The hash of a share link: the document, compressed; imported weights stay out (too big for a URL). */
export function shareHash(design: Design): string {
  const { weights, ...architecture } = design;
  const compact = JSON.stringify(JSON.parse(serializeDesign(architecture)));
  return PREFIX + compressToEncodedURIComponent(compact);
}

const refuse = (why: string): LoadResult => ({ ok: false, errors: [`share link: ${why}`] });

/**
 * Reads a share link's hash; undefined when the hash carries no design. Never throws: the size
 * is checked before decompressing, the decoder stops at the limit and reports damage as a reason.
 */
export function readShareHash(hash: string): LoadResult | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  const body = hash.slice(PREFIX.length);
  if (body.length > limits.maxShareLinkChars)
    return refuse(
      `the link is ${body.length.toLocaleString('en-US')} characters long, ${overLimit('maxShareLinkChars')}`,
    );
  const decoded = decodeShareText(body, limits.maxShareTextChars);
  if (!decoded.ok)
    return refuse(
      decoded.why === 'too big'
        ? `the design in this link is, once expanded, ${overLimit('maxShareTextChars')}`
        : `the design in this link is damaged (${decoded.why.replace(/^the link is damaged \((.*)\)$/, '$1')})`,
    );
  if (decoded.text === '') return refuse('the design in this link is damaged (it could not be decompressed)');
  const r = parseDesign(decoded.text);
  return r.ok ? r : { ok: false, errors: r.errors.map((e) => `share link: ${e}`) };
}
