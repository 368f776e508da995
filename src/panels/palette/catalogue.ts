import { blockKinds, blockRegistry, anyOpDef, opKinds } from '../../core/kinds';
import type { PaletteGroup } from '../../core/ops/op-types';
import { examples } from '../../core/examples/example-registry';
import { presets } from '../../core/presets/preset-registry';
import type { Stripe } from '../../ui/families';
import { stripeOfFamily } from '../../ui/families';
import type { CatalogueItem } from '../../state/catalogue-item';
import type { UserBlock } from '../../state/types';
import type { TFunction } from 'i18next';
import { i18next } from '../../i18n';
import { kindDescription, kindTitle } from '../../i18n/core-text';
import {
  exampleMethod,
  exampleShows,
  kindCitation,
  presetDescription,
  presetTitle,
} from '../../i18n/core-examples';

export interface CatalogueEntry {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly paper?: string;
  readonly stripe: Stripe | undefined;
  readonly item: CatalogueItem;
}

/** The ops' own groups (each op's definition names its group), then blocks, presets, examples and the user's. */
export type GroupId = PaletteGroup | 'blocks' | 'presets' | 'examples' | 'mine';

export interface CatalogueGroup {
  readonly id: GroupId;
  readonly title: string;
  readonly entries: readonly CatalogueEntry[];
}

const groupIds: readonly GroupId[] = [
  'io',
  'conv',
  'normact',
  'pooling',
  'channel',
  'blocks',
  'presets',
  'examples',
  'mine',
];

/** Conv2d's common settings, offered as their own items, in the UI's language. */
const convVariants = (t: TFunction): readonly CatalogueEntry[] => [
  {
    key: 'conv-depthwise',
    title: t('variants.depthwise.title'),
    description: t('variants.depthwise.description'),
    stripe: 'depthwise',
    item: { type: 'node', kind: 'Conv2d', params: { outChannels: 32, groups: 32 }, depthwise: true },
  },
  {
    key: 'conv-pointwise',
    title: t('variants.pointwise.title'),
    description: t('variants.pointwise.description'),
    stripe: 'pointwise',
    item: { type: 'node', kind: 'Conv2d', params: { outChannels: 64, kernel: [1, 1], padding: [0, 0] } },
  },
  {
    key: 'conv-group',
    title: t('variants.group.title'),
    description: t('variants.group.description'),
    stripe: 'conv',
    item: {
      type: 'node',
      kind: 'Conv2d',
      params: { outChannels: 64, kernel: [1, 1], padding: [0, 0], groups: 4 },
    },
  },
];

/** The palette's groups, in the given language (by default the UI's). */
export function buildCatalogue(
  userBlocks: readonly UserBlock[],
  language: string = i18next.language,
): CatalogueGroup[] {
  const t = i18next.getFixedT(language, 'palette');
  const entries = new Map<GroupId, CatalogueEntry[]>(groupIds.map((g) => [g, []]));
  for (const kind of opKinds) {
    const def = anyOpDef(kind);
    const group = def.palette;
    if (group === null) continue;
    entries.get(group)?.push({
      key: `op-${kind}`,
      title: kindTitle(kind, language),
      description: kindDescription(kind, language),
      ...(def.paper === undefined ? {} : { paper: kindCitation(kind, def.paper, language) }),
      stripe: stripeOfFamily(def.family),
      item: { type: 'node', kind },
    });
    if (kind === 'Conv2d') entries.get(group)?.push(...convVariants(t));
  }
  for (const kind of blockKinds) {
    const def = blockRegistry[kind];
    entries.get('blocks')?.push({
      key: `block-${kind}`,
      title: kindTitle(kind, language),
      description: kindDescription(kind, language),
      paper: kindCitation(kind, def.paper, language),
      stripe: 'block',
      item: { type: 'node', kind },
    });
  }
  for (const p of presets)
    entries.get('presets')?.push({
      key: `preset-${p.name}`,
      title: presetTitle(p, language),
      description: presetDescription(p, language),
      paper: p.paper,
      stripe: undefined,
      item: { type: 'preset', name: p.name },
    });
  for (const e of examples)
    entries.get('examples')?.push({
      key: `example-${e.name}`,
      title: exampleMethod(e, language),
      description: exampleShows(e, language),
      paper: t('exampleRef', { ref: e.surveyRef, name: e.name }),
      stripe: undefined,
      item: { type: 'example', name: e.name },
    });
  for (const b of userBlocks)
    entries.get('mine')?.push({
      key: `user-${b.id}`,
      title: b.name,
      description: t('userBlock', {
        nodes: b.fragment.nodes.length,
        edges: b.fragment.edges.length,
      }),
      stripe: 'block',
      item: { type: 'user', id: b.id },
    });
  return [...entries].map(([id, list]) => ({ id, title: t(`groups.${id}`), entries: list }));
}

/** Entries whose title, description, paper or kind contain every word of the query, title matches first. */
export function filterCatalogue(groups: readonly CatalogueGroup[], query: string): CatalogueGroup[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return [...groups];
  const text = (e: CatalogueEntry): string =>
    [e.title, e.description, e.paper ?? '', e.item.type === 'node' ? e.item.kind : '']
      .join(' ')
      .toLowerCase();
  const inTitle = (e: CatalogueEntry): number =>
    words.every((w) => e.title.toLowerCase().includes(w)) ? 0 : 1;
  return groups
    .map((g) => ({
      ...g,
      // Entries named by the query come before those that only mention it.
      entries: g.entries
        .filter((e) => words.every((w) => text(e).includes(w)))
        .sort((a, b) => inTitle(a) - inTitle(b)),
    }))
    .filter((g) => g.entries.length > 0);
}
