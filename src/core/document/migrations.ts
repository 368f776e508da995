import { CURRENT_VERSION } from './format';

/**
 * Upgrades from version n to n + 1, applied in order. Version 1 is the first; when the format
 * changes, bump CURRENT_VERSION and add the step from the old version here, never edit an old one.
 */
const steps: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> = {};

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
