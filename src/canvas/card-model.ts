import type { NodeInfo } from '../core/analysis/analysis-types';
import { diagnosticText } from '../i18n/core-text';
import type { Diagnostic } from '../core/diagnostics';
import { isBlockKind } from '../core/kinds';
import { inputCount, outputCount } from '../core/design/builder';
import type { DesignNode } from '../core/design/design-types';
import { formatShape, type Shape } from '../core/shape';
import { lookOf, type NodeLook } from '../ui/families';

export interface CardProblem {
  readonly severity: Diagnostic['severity'];
  readonly text: string;
  /** How many problems the node has in all. */
  readonly count: number;
}

/** Everything a node card shows; equal data means the card need not render again. */
export interface CardData {
  readonly [key: string]: unknown;
  readonly label: string;
  readonly look: NodeLook;
  /** The output shape(s), "1×32×112×112", or undefined when unknown. */
  readonly shape: string | undefined;
  readonly multiplyAdds: number;
  readonly params: number;
  readonly problem: CardProblem | undefined;
  readonly inputs: number;
  readonly outputs: number;
  /** Top-level blocks can open in place. */
  readonly block: 'closed' | 'open' | undefined;
  /** A primitive shown inside an open block: read-only. */
  readonly inner: boolean;
}

const rank = { error: 0, warning: 1, info: 2 } as const;

export function worstProblem(diagnostics: readonly Diagnostic[]): CardProblem | undefined {
  const sorted = [...diagnostics].sort((a, b) => rank[a.severity] - rank[b.severity]);
  const first = sorted[0];
  return first === undefined
    ? undefined
    : { severity: first.severity, text: diagnosticText(first), count: sorted.length };
}

export const shapesText = (shapes: readonly (Shape | undefined)[] | undefined): string | undefined =>
  shapes === undefined || shapes.length === 0 || shapes.some((s) => s === undefined)
    ? undefined
    : shapes.map((s) => formatShape(s ?? [])).join(' · ');

export function designCard(node: DesignNode, info: NodeInfo | undefined, open: boolean): CardData {
  return {
    label: node.label,
    look: lookOf(node, info?.inputShapes[0]?.[1]),
    shape: shapesText(info?.outputShapes),
    multiplyAdds: info?.cost.multiplyAdds ?? 0,
    params: info?.cost.params ?? 0,
    problem: worstProblem(info?.diagnostics ?? []),
    inputs: inputCount(node),
    outputs: outputCount(node),
    block: isBlockKind(node.kind) ? (open ? 'open' : 'closed') : undefined,
    inner: false,
  };
}

const sameProblem = (a: CardProblem | undefined, b: CardProblem | undefined): boolean =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.severity === b.severity &&
    a.text === b.text &&
    a.count === b.count);

export function sameCard(a: CardData, b: CardData): boolean {
  return (
    a.label === b.label &&
    a.look.stripe === b.look.stripe &&
    a.look.title === b.look.title &&
    a.look.summary === b.look.summary &&
    a.shape === b.shape &&
    a.multiplyAdds === b.multiplyAdds &&
    a.params === b.params &&
    sameProblem(a.problem, b.problem) &&
    a.inputs === b.inputs &&
    a.outputs === b.outputs &&
    a.block === b.block &&
    a.inner === b.inner
  );
}
