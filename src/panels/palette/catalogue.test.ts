import { afterEach, describe, expect, it } from 'vitest';
import { blockKinds, blockRegistry } from '../../core/blocks/block-registry';
import { citationText, type Citation } from '../../core/citation';
import { examples } from '../../core/examples/example-registry';
import { anyOpDef, opKinds } from '../../core/ops/op-registry';
import { presets } from '../../core/presets/preset-registry';
import { i18next } from '../../i18n';
import { sayReference } from '../../i18n/say';
import { englishRuns } from '../../../test-support/english-prose';
import { buildCatalogue, filterCatalogue, type CatalogueEntry } from './catalogue';

describe('the palette catalogue', () => {
  const groups = buildCatalogue([]);

  it('has the groups of the issue, in order', () => {
    expect(groups.map((g) => g.title)).toEqual([
      'Inputs and outputs',
      'Convolutions',
      'Normalisation and activations',
      'Pooling and heads',
      'Channel operations',
      'Compact blocks',
      'Presets',
      'Examples',
      'My blocks',
    ]);
  });

  it('lists every block with its paper, and every preset', () => {
    const blocks = groups.find((g) => g.id === 'blocks')?.entries ?? [];
    expect(blocks).toHaveLength(blockKinds.length);
    for (const b of blocks) expect(b.paper).toMatch(/\d{4}/);
    expect(groups.find((g) => g.id === 'presets')?.entries).toHaveLength(presets.length);
  });

  it('cites the paper of an op that is a method of its own', () => {
    const convs = groups.find((g) => g.id === 'conv')?.entries ?? [];
    expect(convs.find((e) => e.key === 'op-LookupConv')?.paper).toBe('Bagherinezhad et al. 2017, LCNN');
    expect(filterCatalogue(groups, 'lcnn')[0]?.entries[0]?.title).toBe('Lookup conv (LCNN)');
  });

  it('lists every worked example with its survey reference, opened as a design', () => {
    const listed = groups.find((g) => g.id === 'examples')?.entries ?? [];
    expect(listed.map((e) => e.item)).toEqual(examples.map((e) => ({ type: 'example', name: e.name })));
    for (const e of listed) expect(e.paper).toMatch(/^survey ref\. \[\d+\] · example:[a-z0-9_]+$/);
    expect(filterCatalogue(groups, 'squeezenet fire').find((g) => g.id === 'examples')?.entries).toHaveLength(
      1,
    );
  });

  it('finds by any word, titles first', () => {
    const found = filterCatalogue(groups, 'pointwise');
    expect(found[0]?.entries[0]?.title).toBe('Pointwise conv 1×1');
    expect(filterCatalogue(groups, 'shuffle').flatMap((g) => g.entries.map((e) => e.title))).toContain(
      'Channel shuffle',
    );
    expect(filterCatalogue(groups, 'zzzz')).toEqual([]);
  });
});

/** Every kind that cites a paper, with its citation. */
const cited: readonly (readonly [string, Citation])[] = [
  ...opKinds.flatMap((k) => {
    const paper = anyOpDef(k).paper;
    return paper === undefined ? [] : [[k, paper] as const];
  }),
  ...blockKinds.map((k) => [k, blockRegistry[k].paper] as const),
];

describe('the palette’s presets, examples and citations in each language', () => {
  const original = i18next.language;
  afterEach(async () => {
    await i18next.changeLanguage(original);
  });
  /** The catalogue as the UI builds it once i18next speaks `lang`, by entry key. */
  const catalogueIn = async (lang: string): Promise<Map<string, CatalogueEntry>> => {
    await i18next.changeLanguage(lang);
    return new Map(buildCatalogue([]).flatMap((g) => g.entries.map((e) => [e.key, e] as const)));
  };
  const entry = (all: Map<string, CatalogueEntry>, key: string): CatalogueEntry => {
    const e = all.get(key);
    if (e === undefined) throw new Error(`no palette entry ${key}`);
    return e;
  };

  it('Chinese: no English prose outside a reference and a name', async () => {
    const all = await catalogueIn('zh');
    const prose: Record<string, string[]> = {};
    const check = (key: string, text: string) => {
      const runs = englishRuns(text);
      if (runs.length > 0) prose[key] = runs;
    };
    for (const p of presets) {
      const e = entry(all, `preset-${p.name}`);
      // Its paper is a reference, as written; its title a name, translated only where it holds words.
      expect(e.paper).toBe(p.paper);
      check(`${e.key} title`, e.title);
      check(e.key, e.description);
    }
    for (const x of examples) {
      const e = entry(all, `example-${x.name}`);
      check(`${e.key} title`, e.title);
      check(`${e.key} description`, e.description);
      check(`${e.key} paper`, (e.paper ?? '').replace(`example:${x.name}`, ''));
    }
    for (const [kind, paper] of cited) {
      const text = entry(all, blockKinds.includes(kind as never) ? `block-${kind}` : `op-${kind}`).paper;
      // The reference as cited, its "Table 2" said as 表 2.
      expect(text, kind).toContain(sayReference(paper.ref, 'zh'));
      check(`${kind} paper`, (text ?? '').replace(sayReference(paper.ref, 'zh'), ''));
    }
    expect(prose).toEqual({});
  });

  it('English: the core’s own text, unchanged', async () => {
    const all = await catalogueIn('en');
    for (const p of presets) {
      const e = entry(all, `preset-${p.name}`);
      expect([e.title, e.description, e.paper]).toEqual([p.title, p.description, p.paper]);
    }
    for (const x of examples) {
      const e = entry(all, `example-${x.name}`);
      expect([e.title, e.description]).toEqual([x.method, x.shows]);
    }
    for (const [kind, paper] of cited) {
      const key = blockKinds.includes(kind as never) ? `block-${kind}` : `op-${kind}`;
      expect(entry(all, key).paper).toBe(citationText(paper));
    }
    expect(entry(all, 'block-Stage').paper).toBe(
      'Stage tables: Sandler et al. 2018 (Table 2), Zhang et al. 2018 (Table 1), Ma et al. 2018 (Table 5)',
    );
  });
});
