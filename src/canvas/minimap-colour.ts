import type { FlowNode } from './flow-types';

/** Minimap nodes take their card's stripe colour (a CSS variable per stripe). */
export function minimapColour(node: FlowNode): string {
  return node.type === 'moduleframe' ? 'transparent' : `var(--stripe-${node.data.look.stripe})`;
}
