import type { Design } from '../core/design/design-types';
import { findPreset } from '../core/presets/preset-registry';
import type { SavedDesign } from '../state/persistence';
import { readShareHash } from '../state/share';
import { sampleDesign } from './sample-design';
import { i18next } from '../i18n';

export const DEFAULT_PRESET = 'mobilenet_v2';

export interface BootChoice {
  readonly design: Design;
  readonly source: 'share' | 'autosave' | 'default';
  /** Built designs (presets) have no positions yet. */
  readonly needsLayout: boolean;
  /** Something to tell the user (a damaged link or autosave). */
  readonly problem?: { readonly text: string; readonly details: readonly string[] };
}

/**
 * The design to show first: a share link, else the autosave, else the default preset. Never empty.
 * A damaged autosave is handed to `keepAside` rather than overwritten.
 */
export function chooseInitialDesign(
  hash: string,
  saved: SavedDesign,
  keepAside: (text: string) => void,
): BootChoice {
  let problem: BootChoice['problem'];
  let shared: ReturnType<typeof readShareHash>;
  try {
    shared = readShareHash(hash);
  } catch {
    // readShareHash does not throw; should it ever, the link is what failed, never the storage.
    shared = { ok: false, errors: [i18next.t('app:boot.badLink')] };
  }
  if (shared?.ok === true) return { design: shared.design, source: 'share', needsLayout: false };
  if (shared?.ok === false) problem = { text: i18next.t('app:boot.linkFailed'), details: shared.errors };
  if (saved.kind === 'ok')
    return { design: saved.design, source: 'autosave', needsLayout: false, ...(problem && { problem }) };
  if (saved.kind === 'damaged') {
    keepAside(saved.text);
    problem ??= { text: i18next.t('app:boot.autosaveDamaged'), details: saved.errors };
  }
  return { design: defaultDesign(), source: 'default', needsLayout: true, ...(problem && { problem }) };
}

export function defaultDesign(): Design {
  const preset = findPreset(DEFAULT_PRESET);
  if (preset === undefined) return sampleDesign();
  try {
    return preset.build();
  } catch {
    return sampleDesign();
  }
}
