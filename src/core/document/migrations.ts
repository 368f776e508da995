/** The document version this build writes; older ones are migrated step by step below. */
export const CURRENT_VERSION = 2;

/**
 * Upgrades from version n to n + 1, applied in order. Version 1 is the first; when the format
 * changes, bump CURRENT_VERSION and add the step from the old version here, never edit an old one.
 */
const steps: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> = {
  1: keyWeightsById,
};

/**
 * Version 1 keyed imported weights by layer label path ("features.3/expand"), so renaming a layer
 * lost them. Version 2 keys them by node id and inner path ("n5/expand") and names their source.
 * A label path belongs to the node with the longest label it starts with (labels may hold "/");
 * entries of no node were never used, and are dropped.
 */
function keyWeightsById(doc: Record<string, unknown>): Record<string, unknown> {
  const weights = doc['weights'];
  if (weights === undefined) return doc;
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights)) return doc;
  const nodes = Array.isArray(doc['nodes']) ? (doc['nodes'] as unknown[]) : [];
  const byLabel: { label: string; id: string }[] = [];
  for (const n of nodes) {
    const { id, label } = (n ?? {}) as { id?: unknown; label?: unknown };
    if (typeof id === 'string' && typeof label === 'string') byLabel.push({ id, label });
  }
  byLabel.sort((a, b) => b.label.length - a.label.length);
  const layers: Record<string, unknown> = {};
  for (const [path, roles] of Object.entries(weights)) {
    const owner = byLabel.find((n) => path === n.label || path.startsWith(`${n.label}/`));
    if (owner !== undefined) layers[owner.id + path.slice(owner.label.length)] = roles;
  }
  const name = typeof doc['name'] === 'string' ? doc['name'] : 'an earlier import';
  return { ...doc, weights: { source: name, layers } };
}

export function migrate(doc: {
  version?: unknown;
}): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  let version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return {
      ok: false,
      error: `field version: expected a positive integer, got ${version === undefined ? 'nothing' : JSON.stringify(version)}`,
    };
  if (version > CURRENT_VERSION)
    return {
      ok: false,
      error: `document: version ${version} is newer than this app understands (${CURRENT_VERSION}); update Compact Studio`,
    };
  let value = doc as Record<string, unknown>;
  while (version < CURRENT_VERSION) {
    const step = steps[version];
    if (step === undefined) return { ok: false, error: `document: no migration from version ${version}` };
    value = { ...step(value), version: version + 1 };
    version += 1;
  }
  return { ok: true, value };
}
