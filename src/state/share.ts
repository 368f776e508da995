import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { parseDesign, serializeDesign, type LoadResult } from '../core/document/format';
import type { Design } from '../core/graph/types';

const PREFIX = '#design=';

/** The hash of a share link: the document, compressed; imported weights stay out (too big for a URL). */
export function shareHash(design: Design): string {
  const { weights, ...architecture } = design;
  const compact = JSON.stringify(JSON.parse(serializeDesign(architecture)));
  return PREFIX + compressToEncodedURIComponent(compact);
}

/** Reads a share link's hash; undefined when the hash carries no design. Never throws. */
export function readShareHash(hash: string): LoadResult | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  const text = decompressFromEncodedURIComponent(hash.slice(PREFIX.length));
  if (text === '' || (text as string | null) === null)
    return {
      ok: false,
      errors: ['share link: the design in this link is damaged (it could not be decompressed)'],
    };
  return parseDesign(text);
}
