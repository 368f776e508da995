import type { Design } from '../../core/design/design-types';
import { examples, findExample } from '../../core/examples/example-registry';
import { findPreset, presets } from '../../core/presets/preset-registry';
import { exampleDesign, exampleMethod, presetDesign, presetTitle } from '../../i18n/core-examples';

/** Where a side of the comparison comes from: the design on the canvas, the pinned baseline, a preset or an example. */
export type SourceId = 'current' | 'baseline' | `preset:${string}` | `example:${string}`;

export interface SourceOption {
  readonly id: SourceId;
  readonly group: 'design' | 'preset' | 'example';
  /** The preset's title or the example's method (in the UI's language); the two design entries are named by the UI. */
  readonly title: string;
}

/** Every design the comparison can show: the two of the session, then every preset and example. */
export function sourceOptions(hasBaseline: boolean): SourceOption[] {
  return [
    { id: 'current', group: 'design', title: '' },
    ...(hasBaseline ? [{ id: 'baseline' as const, group: 'design' as const, title: '' }] : []),
    ...presets.map((p) => ({
      id: `preset:${p.name}` as const,
      group: 'preset' as const,
      title: presetTitle(p),
    })),
    ...examples.map((e) => ({
      id: `example:${e.name}` as const,
      group: 'example' as const,
      title: exampleMethod(e),
    })),
  ];
}

/** The design a side shows, or undefined when it no longer exists (a baseline unpinned, an unknown name). */
export function resolveSource(
  id: SourceId,
  session: { readonly design: Design; readonly baseline: Design | undefined },
): Design | undefined {
  if (id === 'current') return session.design;
  if (id === 'baseline') return session.baseline;
  if (id.startsWith('preset:')) {
    const preset = findPreset(id.slice('preset:'.length));
    return preset === undefined ? undefined : presetDesign(preset);
  }
  const example = findExample(id.slice('example:'.length));
  return example === undefined ? undefined : exampleDesign(example);
}
