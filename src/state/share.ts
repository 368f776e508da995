import LZString from 'lz-string';

const { compressToEncodedURIComponent } = LZString;
import { parseDesign, serializeDesign, type LoadResult } from '../core/document/format';
import type { Design } from '../core/design/design-types';
import { limits, overLimit } from '../core/limits';
import { i18next } from '../i18n';
import { decodeShareText, type DecodeFailure } from './share-decode';

const PREFIX = '#design=';

/** The hash of a share link: the document, compressed; imported weights stay out (too big for a URL). */
export function shareHash(design: Design): string {
  const { weights, ...architecture } = design;
  const compact = JSON.stringify(JSON.parse(serializeDesign(architecture)));
  return PREFIX + compressToEncodedURIComponent(compact);
}

/** One problem of a link, in the UI's language: "share link: …". */
const problem = (why: string): string => i18next.t('store:share.problem', { why });
const refuse = (why: string): LoadResult => ({ ok: false, errors: [problem(why)] });

/** A link the decoder could not read, in words: its length over the limit, or the damage found. */
function failureText(why: DecodeFailure): string {
  if (why === 'tooBig')
    return i18next.t('store:share.tooBig', {
      limit: overLimit('maxShareTextChars'),
      max: limits.maxShareTextChars,
    });
  return i18next.t('store:share.damaged', { why: i18next.t(`store:share.why.${why}`) });
}

/**
 * Reads a share link's hash; undefined when the hash carries no design. Never throws: the size
 * is checked before decompressing, the decoder stops at the limit and reports damage as a reason.
 */
export function readShareHash(hash: string): LoadResult | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  const body = hash.slice(PREFIX.length);
  if (body.length > limits.maxShareLinkChars)
    return refuse(
      i18next.t('store:share.tooLong', {
        length: body.length,
        limit: overLimit('maxShareLinkChars'),
        max: limits.maxShareLinkChars,
      }),
    );
  const decoded = decodeShareText(body, limits.maxShareTextChars);
  if (!decoded.ok) return refuse(failureText(decoded.why));
  if (decoded.text === '') return refuse(failureText('undecodable'));
  const r = parseDesign(decoded.text);
  return r.ok ? r : { ok: false, errors: r.errors.map(problem) };
}
