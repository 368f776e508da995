import { parseDesign } from '../core/document/format';
import type { Design } from '../core/graph/types';
import { examples, findExample } from '../core/examples/registry';
import { findPreset, presets } from '../core/presets/registry';
import type { PresetOptions } from '../core/presets/types';
import { UsageError, numberFlag, type CliIO } from './command';

export const sourceFlags = ['width', 'resolution', 'groups', 'classes'] as const;

/**
 * Reads `design.json`, `preset:NAME` (with --width/--resolution/--groups) or `example:NAME` (a worked
 * example of one survey method, built as it is listed) into a design.
 */
export function loadSource(source: string | undefined, flags: Map<string, string>, io: CliIO): Design {
  if (source === undefined)
    throw new UsageError('missing the design: give a design.json file, preset:NAME or example:NAME');
  const options: PresetOptions = {
    width: numberFlag(flags, 'width'),
    resolution: numberFlag(flags, 'resolution'),
    groups: numberFlag(flags, 'groups'),
    classes: numberFlag(flags, 'classes'),
  };
  if (source.startsWith('preset:')) {
    const name = source.slice('preset:'.length);
    const preset = findPreset(name);
    if (preset === undefined)
      throw new UsageError(`unknown preset "${name}"; known: ${presets.map((p) => p.name).join(', ')}`);
    try {
      return preset.build(options);
    } catch (e) {
      throw new UsageError(`preset:${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  for (const f of sourceFlags)
    if (flags.has(f)) throw new UsageError(`--${f} applies to presets only; edit ${source} to change it`);
  if (source.startsWith('example:')) {
    const name = source.slice('example:'.length);
    const example = findExample(name);
    if (example === undefined)
      throw new UsageError(
        `unknown example "${name}"; \`examples\` lists them${examples.length > 0 ? ` (${examples.map((e) => e.name).join(', ')})` : ''}`,
      );
    try {
      return example.build();
    } catch (e) {
      throw new UsageError(`example:${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(io.readFile(source));
  const result = parseDesign(text);
  if (!result.ok) {
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : '';
    throw new UsageError(`${source}: ${result.errors[0] ?? 'invalid'}${more}`);
  }
  return result.design;
}
