import { blockKinds, blockRegistry } from '../../core/blocks/registry';
import { anyOpDef, opKinds } from '../../core/layers/registry';
import type { PaletteGroup } from '../../core/layers/types';
import { examples } from '../../core/examples/registry';
import { presets } from '../../core/presets/registry';
import type { Stripe } from '../../ui/families';
import { stripeOfFamily } from '../../ui/families';
import type { CatalogueItem } from '../../state/catalogue-item';
import type { UserBlock } from '../../state/types';

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

const groupTitles: Readonly<Record<GroupId, string>> = {
  io: 'Inputs and outputs',
  conv: 'Convolutions',
  normact: 'Normalisation and activations',
  pooling: 'Pooling and heads',
  channel: 'Channel operations',
  blocks: 'Compact blocks',
  presets: 'Presets',
  examples: 'Examples',
  mine: 'My blocks',
};

/** Conv2d's common settings, offered as their own items. */
const convVariants: readonly CatalogueEntry[] = [
  {
    key: 'conv-depthwise',
    title: 'Depthwise conv 3×3',
    description: 'One 3×3 filter per channel (groups = channels); takes the channels of the node it follows.',
    stripe: 'depthwise',
    item: { type: 'node', kind: 'Conv2d', params: { outChannels: 32, groups: 32 }, depthwise: true },
  },
  {
    key: 'conv-pointwise',
    title: 'Pointwise conv 1×1',
    description: 'Mixes channels at each pixel: a 1×1 convolution.',
    stripe: 'pointwise',
    item: { type: 'node', kind: 'Conv2d', params: { outChannels: 64, kernel: [1, 1], padding: [0, 0] } },
  },
  {
    key: 'conv-group',
    title: 'Group conv 1×1',
    description: 'A 1×1 convolution in g = 4 groups, as ShuffleNet uses (groups must divide the channels).',
    stripe: 'conv',
    item: {
      type: 'node',
      kind: 'Conv2d',
      params: { outChannels: 64, kernel: [1, 1], padding: [0, 0], groups: 4 },
    },
  },
];

export function buildCatalogue(userBlocks: readonly UserBlock[]): CatalogueGroup[] {
  const entries = new Map<GroupId, CatalogueEntry[]>(Object.keys(groupTitles).map((g) => [g as GroupId, []]));
  for (const kind of opKinds) {
    const def = anyOpDef(kind);
    const group = def.palette;
    if (group === null) continue;
    entries.get(group)?.push({
      key: `op-${kind}`,
      title: def.title,
      description: def.description,
      paper: def.paper,
      stripe: stripeOfFamily(def.family),
      item: { type: 'node', kind },
    });
    if (kind === 'Conv2d') entries.get(group)?.push(...convVariants);
  }
  for (const kind of blockKinds) {
    const def = blockRegistry[kind];
    entries.get('blocks')?.push({
      key: `block-${kind}`,
      title: def.title,
      description: def.description,
      paper: def.paper,
      stripe: 'block',
      item: { type: 'node', kind },
    });
  }
  for (const p of presets)
    entries.get('presets')?.push({
      key: `preset-${p.name}`,
      title: p.title,
      description: p.description,
      paper: p.paper,
      stripe: undefined,
      item: { type: 'preset', name: p.name },
    });
  for (const e of examples)
    entries.get('examples')?.push({
      key: `example-${e.name}`,
      title: e.method,
      description: e.shows,
      paper: `survey ref. [${e.surveyRef}] · example:${e.name}`,
      stripe: undefined,
      item: { type: 'example', name: e.name },
    });
  for (const b of userBlocks)
    entries.get('mine')?.push({
      key: `user-${b.id}`,
      title: b.name,
      description: `${b.fragment.nodes.length} nodes, ${b.fragment.edges.length} connections`,
      stripe: 'block',
      item: { type: 'user', id: b.id },
    });
  return [...entries].map(([id, list]) => ({ id, title: groupTitles[id], entries: list }));
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
