import { describe, expect, it } from 'vitest';
import { blockKinds } from '../../core/blocks/registry';
import { examples } from '../../core/examples/registry';
import { presets } from '../../core/presets/registry';
import { buildCatalogue, filterCatalogue } from './catalogue';

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
