import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../design/builder';
import { smallCnn } from '../examples/small-cnn';
import { groupsAtLevel, splitSpaces } from './splitnet-spaces';

const idOf = (labels: { nodes: readonly { id: string; label: string }[] }, label: string): string =>
  labels.nodes.find((n) => n.label === label)?.id ?? label;

describe('SplitNet feature spaces of a tree', () => {
  it('the small CNN split 2 → 4: the entry, conv2 → conv3 in 4 groups (merged to 2 at level 1), the classes', () => {
    const d = smallCnn('s');
    const r = splitSpaces(d, [
      { at: idOf(d, 'conv1_relu'), groups: 2 },
      { at: idOf(d, 'conv2_relu'), groups: 2 },
    ]);
    if (!r.ok) throw new Error(r.error);
    // conv2: 32 → 64 (level 1), conv3: 64 → 64 (level 2), fc: 64 → 10 classes (level 2).
    expect(r.spaces).toEqual([
      { size: 32, groups: 2, role: 'entry' },
      { size: 64, groups: 4, role: 'features' },
      { size: 64, groups: 4, role: 'features' },
      { size: 10, groups: 4, role: 'classes' },
    ]);
    expect(r.weighted.map((w) => [w.key, w.level, w.inSpace, w.outSpace])).toEqual([
      [idOf(d, 'conv2'), 1, 0, 1],
      [idOf(d, 'conv3'), 2, 1, 2],
      [idOf(d, 'fc'), 2, 2, 3],
    ]);
    expect(r.copies).toEqual([2, 4]);
    // conv2_bn and conv2_relu (level 1) and conv3's (level 2) read their space's groups.
    expect(r.perChannel.map((p) => [p.key, p.level, p.space])).toEqual([
      [idOf(d, 'conv2_bn'), 1, 1],
      [idOf(d, 'conv2_relu'), 1, 1],
      [idOf(d, 'conv3_bn'), 2, 2],
      [idOf(d, 'conv3_relu'), 2, 2],
      [idOf(d, 'pool'), 2, 2],
      [idOf(d, 'flatten'), 2, 2],
    ]);
    // A level above reads the finest groups below it joined, in order.
    expect(groupsAtLevel([[5], [1], [4], [0]], 2)).toEqual([
      [5, 1],
      [4, 0],
    ]);
  });

  it('refuses, in one sentence, a layer that mixes channels otherwise and a classifier over a flattened map', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 3, height: 8, width: 8 }, [], 'input');
    const r1 = g.add('ReLU', {}, [g.add('Conv2d', { outChannels: 8 }, [x], 'conv1')], 'relu1');
    const s = g.add('ChannelShuffle', { groups: 2 }, [r1], 'shuffle');
    const f = g.add('Flatten', {}, [g.add('GlobalAvgPool', {}, [s], 'pool')], 'flatten');
    g.output(g.add('Linear', { outFeatures: 4 }, [f], 'fc'));
    const d = g.design('shuffled');
    const r = splitSpaces(d, [{ at: idOf(d, 'relu1'), groups: 2 }]);
    expect(r.ok ? '' : r.error).toBe(
      'shuffle (ChannelShuffle) mixes channels in a way a learned split cannot follow: it learns over plain and depthwise convs, Linear layers and layers that act on each channel alone.',
    );
    const h = new GraphBuilder();
    const y = h.add('Input', { channels: 3, height: 4, width: 4 }, [], 'input');
    const q1 = h.add('ReLU', {}, [h.add('Conv2d', { outChannels: 8 }, [y], 'conv1')], 'relu1');
    const c2 = h.add('Conv2d', { outChannels: 8 }, [q1], 'conv2');
    h.output(h.add('Linear', { outFeatures: 4 }, [h.add('Flatten', {}, [c2], 'flatten')], 'fc'));
    const e = h.design('flat');
    const t = splitSpaces(e, [{ at: idOf(e, 'relu1'), groups: 2 }]);
    expect(t.ok ? '' : t.error).toBe(
      'fc reads a flattened map, not pooled channels: a learned split needs the classifier to read one feature per channel (pool first).',
    );
  });
});
