import { z } from 'zod';
import { isKnownKind } from '../core/design/edit';
import type { NodeKind } from '../core/design/design-types';

/** Something the palette offers; it travels as JSON in a drag. */
export type CatalogueItem =
  | {
      readonly type: 'node';
      readonly kind: NodeKind;
      readonly params?: Readonly<Record<string, unknown>>;
      /** Depthwise items take the channel count of the node they follow. */
      readonly depthwise?: boolean;
    }
  | { readonly type: 'user'; readonly id: string }
  | { readonly type: 'preset'; readonly name: string }
  | { readonly type: 'example'; readonly name: string };

export const ITEM_MIME = 'application/x-compact-studio-item';
/**
 * Also set on a drag of an item that goes into a wire when dropped on it (a block or a layer): a
 * drag's data cannot be read until the drop, its types can, so the wire under the cursor lights up.
 */
export const SPLICE_MIME = 'application/x-compact-studio-splice';

const itemShape = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('node'),
    kind: z.string().refine(isKnownKind),
    params: z.record(z.string(), z.unknown()).optional(),
    depthwise: z.boolean().optional(),
  }),
  z.object({ type: z.literal('user'), id: z.string() }),
  z.object({ type: z.literal('preset'), name: z.string() }),
  z.object({ type: z.literal('example'), name: z.string() }),
]);

/** Reads a dragged item; undefined for anything else dropped on the canvas. */
export function parseItem(text: string): CatalogueItem | undefined {
  try {
    const parsed = itemShape.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
