import { scaleDesign, type WidthRounding } from '../core/analysis/scale';
import { parseDesign } from '../core/document/format';
import type { Design } from '../core/design/design-types';
import { examples, findExample } from '../core/examples/example-registry';
import { findPreset, presets } from '../core/presets/preset-registry';
import type { PresetOptions } from '../core/presets/preset-types';
import { UsageError, numberFlag, type CliIO } from './command';

export const sourceFlags = ['width', 'resolution', 'groups', 'classes', 'round'] as const;

/** `--round channel` (MorphNet's, the default) or `--round 8` (a multiple of 8, as deployment wants). */
function roundingFlag(flags: Map<string, string>): WidthRounding {
  const v = flags.get('round') ?? 'channel';
  if (v === 'channel') return 'channel';
  if (v === '8') return 8;
  throw new UsageError(`--round must be "channel" or 8, not "${v}"`);
}

/**
 * Reads `design.json`, `preset:NAME` (with --width/--resolution/--groups) or `example:NAME` (a worked
 * example of one survey method, built as it is listed) into a design. On an example or a design file
 * --width and --resolution scale it as MorphNet's uniform expansion does (widths to the channel, or
 * to a multiple of 8 with --round 8); a preset rounds its widths as its paper does.
 */
export function loadSource(source: string | undefined, flags: Map<string, string>, io: CliIO): Design {
  const design = loadUnscaled(source, flags, io);
  if (source?.startsWith('preset:') === true) return design;
  const width = numberFlag(flags, 'width');
  const resolution = numberFlag(flags, 'resolution');
  const rounding = roundingFlag(flags);
  if (width === undefined && resolution === undefined && !flags.has('round')) return design;
  return scaleDesign(design, {
    ...(width === undefined ? {} : { width }),
    ...(resolution === undefined ? {} : { resolution: Math.round(resolution) }),
    rounding,
  });
}

function loadUnscaled(source: string | undefined, flags: Map<string, string>, io: CliIO): Design {
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
    if (flags.has('round'))
      throw new UsageError(
        '--round applies to examples and design files; a preset rounds its widths as its paper does',
      );
    try {
      return preset.build(options);
    } catch (e) {
      throw new UsageError(`preset:${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  for (const f of ['groups', 'classes'] as const)
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
