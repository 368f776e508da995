import { designHash, nodeHashes } from '../core/document/design-hash';
import type { Design } from '../core/design/design-types';
import { analysisOf } from './analysis';

/**
 * Which design revision a run belongs to: the document it ran on, the content hash of the design
 * then, and per node a signature of its own computation (kind, params, inputs and their shapes,
 * weights). Results show only on their document; on a later revision they show as from an
 * earlier version, and never on a node whose signature changed.
 */
export interface RunScope {
  readonly documentId: string;
  readonly designHash: string;
  readonly nodes: Readonly<Record<string, string>>;
}

/** How a run stands to the design on the canvas. */
export type RunStanding = 'current' | 'earlier' | 'other';

interface Signatures {
  readonly hash: string;
  readonly nodes: Readonly<Record<string, string>>;
}

const known = new WeakMap<Design, Signatures>();

function signaturesOf(design: Design): Signatures {
  let s = known.get(design);
  if (s === undefined) {
    const analysis = analysisOf(design);
    const own = nodeHashes(design);
    const nodes: Record<string, string> = {};
    for (const [id, hash] of own) {
      const shapes = analysis.nodes.get(id)?.inputShapes ?? [];
      nodes[id] = `${hash}|${shapes.map((sh) => sh?.join('x') ?? '?').join(',')}`;
    }
    s = { hash: designHash(design), nodes };
    known.set(design, s);
  }
  return s;
}

export function scopeOf(documentId: string, design: Design): RunScope {
  const s = signaturesOf(design);
  return { documentId, designHash: s.hash, nodes: s.nodes };
}

export function standingOf(scope: RunScope | undefined, documentId: string, design: Design): RunStanding {
  if (scope?.documentId !== documentId) return 'other';
  return scope.designHash === signaturesOf(design).hash ? 'current' : 'earlier';
}

/** Whether a node computes now what it computed in the run (false on another document). */
export function nodeAsRun(
  scope: RunScope | undefined,
  documentId: string,
  design: Design,
  id: string,
): boolean {
  if (scope?.documentId !== documentId) return false;
  const then = scope.nodes[id];
  return then !== undefined && then === signaturesOf(design).nodes[id];
}
