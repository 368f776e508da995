import { layoutDesign } from '../../canvas/auto-layout';
import type { Design } from '../../core/design/design-types';
import { studio } from '../../state/store';
import { openAsNewDocument } from '../../ui/documents';

/**
 * Puts a lesson's design on the canvas. A rebuild of the design already there (the knob moved) is
 * one undo step and keeps the cards where they are; anything else is laid out afresh and opens as
 * a new document (the design before stays in File → Recent designs). `placing` hears the design as
 * it will be placed, just before the canvas shows it.
 */
export async function showLessonDesign(
  design: Design,
  failed: (message: string) => void,
  placing?: (design: Design) => void,
): Promise<void> {
  const current = studio.getState().design;
  const at = new Map(current.nodes.map((n) => [n.id, n.position]));
  const same =
    current.name === design.name &&
    current.nodes.length === design.nodes.length &&
    design.nodes.every((n) => at.has(n.id));
  let next: Design;
  try {
    next = same
      ? { ...design, nodes: design.nodes.map((n) => ({ ...n, position: at.get(n.id) ?? n.position })) }
      : await layoutDesign(design);
  } catch (e) {
    failed(e instanceof Error ? e.message : String(e));
    return;
  }
  placing?.(next);
  // A knob moved: an edit of the lesson's design. Another design: a new document beside this one.
  if (same) studio.getState().replaceDesign(next);
  else {
    await openAsNewDocument(next);
    studio.getState().requestFit();
  }
}
