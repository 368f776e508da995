import { parseDesign, serializeDesign } from '../core/document/format';
import type { Fragment } from '../core/design/edit';

/**
 * Copied nodes travel as a design document, so what is pasted is validated like any file, and a
 * whole design's JSON pasted from elsewhere goes in too.
 */
export function fragmentToText(fragment: Fragment): string {
  return serializeDesign({ name: 'clipboard', nodes: fragment.nodes, edges: fragment.edges });
}

export function textToFragment(text: string): Fragment | undefined {
  const parsed = parseDesign(text);
  return parsed.ok ? { nodes: parsed.design.nodes, edges: parsed.design.edges } : undefined;
}
