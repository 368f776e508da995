import type { Diagnostic, DiagnosticKey } from '../core/diagnostics';
import { say, sayFirst } from '../i18n/say';
import { connect } from '../core/design/edit';
import type { Design, PortRef } from '../core/design/design-types';
import { i18next } from '../i18n';
import { analysisOf } from './analysis';

export type Verdict =
  { readonly ok: true; readonly design: Design } | { readonly ok: false; readonly reason: string };

/**
 * Problems that come from the shapes meeting, not from a setting the user could still change on
 * the target (groups, split sizes): a connection that causes one of these is refused.
 */
const shapeClashes: ReadonlySet<DiagnosticKey> = new Set<DiagnosticKey>([
  'wrongRank',
  'channelMismatch',
  'shapeMismatch',
  'concatSpatialMismatch',
  'spatialCollapse',
]);

/** A problem's identity: what it is and where (node, inner primitive, field), never its wording. */
const problemKey = (d: Diagnostic): string => JSON.stringify([d.key, d.nodeId, d.path, d.field]);

/** Would this connection be accepted? The core's refusals (cycle, input taken), then shape clashes. */
export function checkConnection(design: Design, from: PortRef, to: PortRef): Verdict {
  const joined = connect(design, from, to);
  if (!joined.ok)
    return { ok: false, reason: sayFirst(joined.problems) ?? i18next.t('store:connection.impossible') };
  const before = new Set(analysisOf(design).nodes.get(to.node)?.diagnostics.map(problemKey));
  const after = analysisOf(joined.value).nodes.get(to.node)?.diagnostics ?? [];
  const clash = after.find(
    (d) => d.severity === 'error' && shapeClashes.has(d.key) && !before.has(problemKey(d)),
  );
  if (clash !== undefined) return { ok: false, reason: say(clash) };
  return { ok: true, design: joined.value };
}
