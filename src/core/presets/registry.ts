import type { PresetDef } from './types';

/** Every preset, in the order the palette lists them. Presets add themselves here. */
export const presets: readonly PresetDef[] = [];

export function findPreset(name: string): PresetDef | undefined {
  return presets.find((p) => p.name === name);
}
