import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../design/builder';
import { analyze } from './analyze';

describe('dead ends (CS021)', () => {
  it('flags a branch whose result reaches no Output, and still counts its costs', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 8, height: 4, width: 4 }, [], 'input');
    const live = g.add('Conv2d', { outChannels: 8, kernel: [1, 1], padding: [0, 0] }, [x], 'live');
    g.output(live);
    const dead = g.add('Conv2d', { outChannels: 4, kernel: [1, 1], padding: [0, 0] }, [x], 'dead_conv');
    g.add('ReLU', {}, [dead], 'dead_relu');
    const a = analyze(g.design('d'));
    const found = a.diagnostics.filter((d) => d.key === 'deadEnd');
    expect(found.map((d) => [d.code, d.severity])).toEqual([['CS021', 'warning']]);
    // 8·4 weights, 8·4·16 multiply-adds: counted in the totals and named in the warning.
    expect(found[0]?.message).toBe(
      "Dead end: dead_relu's result reaches no Output. This branch of 2 nodes still counts in the totals (512 multiply-adds, 32 params); connect it onward or delete it.",
    );
    expect([...a.deadEnds].sort()).toEqual(['n4', 'n5']);
    expect(a.totals.multiplyAdds).toBe(8 * 8 * 16 + 8 * 4 * 16);
    expect(a.nodes.get('n5')?.diagnostics.map((d) => d.code)).toEqual(['CS021']);
  });

  it('says nothing when every node reaches an Output, or when there is no Output at all', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', {}, [], 'input');
    g.output(g.add('ReLU', {}, [x], 'relu'));
    expect(analyze(g.design('d')).deadEnds.size).toBe(0);
    const h = new GraphBuilder();
    h.add('ReLU', {}, [h.add('Input', {}, [], 'input')], 'relu');
    const a = analyze(h.design('e'));
    expect(a.deadEnds.size).toBe(0);
    expect(a.diagnostics.map((d) => d.key)).toEqual(['noOutput']);
  });
});
