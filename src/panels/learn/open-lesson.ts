import { layoutDesign } from '../../canvas/auto-layout';
import type { Design } from '../../core/graph/types';
import { studio } from '../../state/store';

/**
 * Puts a lesson's design on the canvas as one undo step. A rebuild of the design already there
 * (the knob moved) keeps the cards where they are; anything else is laid out afresh. `placing` hears
 * the design as it will be placed, just before the canvas shows it.
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
  studio.getState().replaceDesign(next);
  if (!same) studio.getState().requestFit();
}
