import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import { branchMerge, streamlineMerge } from './deeprebirth-method';

const idOf = (d: Design, label: string): string => d.nodes.find((n) => n.label === label)?.id ?? '';
const shapeOf = (d: Design, label: string) =>
  analyze(d).layers.find((l) => l.key === idOf(d, label))?.outputShapes[0];

/** Input 3×32×32 → conv1 16 (3×3) → BN → ReLU → pool → conv2 32 (3×3) → Output. */
function conv1Pool(pool: object = {}): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 32, width: 32 }, [], 'input');
  const c1 = g.add('Conv2d', { outChannels: 16, bias: false }, [x], 'conv1');
  const r = g.add('ReLU', {}, [g.add('BatchNorm', {}, [c1], 'bn1')], 'relu1');
  const p = g.add('MaxPool', { kernel: [3, 3], stride: [2, 2], padding: [1, 1], ...pool }, [r], 'pool1');
  g.output(g.add('Conv2d', { outChannels: 32, bias: false }, [p], 'conv2'));
  return g.design('streamline');
}

// Li et al. 2018, streamline slimming: the pooling layer after a conv is merged into it, the conv's
// stride the product of both strides; conv1's multiply-adds fall by the pool's area factor.
describe('DeepRebirth streamline merge', () => {
  it('merges a 3×3/2 max pool into conv1 (stride 1 → 2): conv1 16·3·9·16² instead of 16·3·9·32²', () => {
    const d = conv1Pool();
    const r = streamlineMerge(d, idOf(d, 'pool1'));
    if (!r.ok) throw new Error(r.error);
    expect(r.removed).toEqual(['pool1']);
    expect(r.design.nodes.map((n) => n.label)).not.toContain('pool1');
    const conv1 = r.design.nodes.find((n) => n.label === 'conv1')?.params as unknown as { stride: number[] };
    expect(conv1.stride).toEqual([2, 2]);
    // Batch norm and ReLU now run at the pooled size; conv2 sees the same 16×16×16 input.
    expect(shapeOf(r.design, 'relu1')).toEqual([1, 16, 16, 16]);
    const conv2 = 32 * 16 * 9 * 16 * 16;
    expect(r.before.multiplyAdds).toBe(16 * 3 * 9 * 32 * 32 + conv2);
    expect(r.after.multiplyAdds).toBe(16 * 3 * 9 * 16 * 16 + conv2);
    expect(r.after.params).toBe(r.before.params); // only the stride changed
    expect(r.after.params).toBe(16 * 27 + 2 * 16 + 32 * 16 * 9);
  });

  it('refuses a pool whose output the strided conv would not match, and a pool after no conv', () => {
    const d = conv1Pool({ padding: [0, 0] }); // (32 − 3)/2 + 1 = 15, but the strided conv gives 16
    const r = streamlineMerge(d, idOf(d, 'pool1'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('output size');
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 3, height: 8, width: 8 }, [], 'input');
    g.output(g.add('MaxPool', {}, [x], 'pool'));
    const lone = g.design('lone');
    const q = streamlineMerge(lone, idOf(lone, 'pool'));
    expect(q.ok).toBe(false);
    expect(streamlineMerge(lone, 'nothing').ok).toBe(false);
  });
});

/** Input 16×8×8 → three 1×1 convs (8, 16, 24, with bias) → Concat → 3×3 conv 32 → Output. */
function branches(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 16, height: 8, width: 8 }, [], 'input');
  const b = [8, 16, 24].map((c, i) =>
    g.add('Conv2d', { outChannels: c, kernel: [1, 1], padding: [0, 0], bias: true }, [x], `b${i + 1}`),
  );
  const cat = g.add('Concat', { inputs: 3 }, b, 'concat');
  g.output(g.add('Conv2d', { outChannels: 32, bias: false }, [cat], 'after'));
  return g.design('branches');
}

// Branch slimming: the parallel 1×1 branches and their Concat become one 1×1 conv of 8 + 16 + 24
// filters. The function is the same: params and multiply-adds equal; the input is read once
// instead of three times and the Concat's read and write of 48·8·8 go.
describe('DeepRebirth branch merge', () => {
  it('three 1×1 branches (8, 16, 24) and their Concat become one 1×1 conv of 48', () => {
    const d = branches();
    const r = branchMerge(d, idOf(d, 'concat'));
    if (!r.ok) throw new Error(r.error);
    expect(r.removed).toEqual(['b2', 'b3', 'concat']);
    expect(
      (r.design.nodes.find((n) => n.label === 'b1')?.params as { outChannels: number }).outChannels,
    ).toBe(48);
    expect(shapeOf(r.design, 'b1')).toEqual([1, 48, 8, 8]);
    expect(r.after.params).toBe(r.before.params);
    expect(r.after.params).toBe(48 * 16 + 48 + 32 * 48 * 9);
    expect(r.after.multiplyAdds).toBe(r.before.multiplyAdds);
    const hw = 64;
    expect(r.before.memoryAccess - r.after.memoryAccess).toBe(2 * 16 * hw + 2 * 48 * hw);
  });

  it('concatenates imported filters and biases in branch order (the same function)', () => {
    const d = branches();
    const ids = ['b1', 'b2', 'b3'].map((l) => idOf(d, l));
    const filled = (n: number, at: number) => Float32Array.from({ length: n }, (_, i) => at + i);
    const layers = Object.fromEntries(
      ids.map((id, i) => {
        const c = [8, 16, 24][i] ?? 0;
        return [id, { weight: filled(c * 16, 1000 * i), bias: filled(c, -i) }];
      }),
    );
    const r = branchMerge({ ...d, weights: { source: 'test', layers } }, idOf(d, 'concat'));
    if (!r.ok) throw new Error(r.error);
    const merged = r.design.weights?.layers[ids[0] ?? ''];
    const w = merged?.['weight'];
    expect(w?.length).toBe(48 * 16);
    expect([w?.[0], w?.[8 * 16], w?.[24 * 16]]).toEqual([0, 1000, 2000]);
    expect(merged?.['bias']?.slice(7, 9)).toEqual(Float32Array.from([7, -1]));
    expect(r.design.weights?.layers[ids[1] ?? '']).toBeUndefined();
  });

  it('refuses branches of different geometry', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 16, height: 8, width: 8 }, [], 'input');
    const a = g.add('Conv2d', { outChannels: 8, kernel: [1, 1], padding: [0, 0] }, [x], 'a');
    const b = g.add('Conv2d', { outChannels: 8 }, [x], 'b');
    g.output(g.add('Concat', { inputs: 2 }, [a, b], 'concat'));
    const d = g.design('mixed');
    const r = branchMerge(d, idOf(d, 'concat'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('one geometry');
  });

  it('refuses a Concat with a wire beyond its inputs (2 inputs, 3 branches wired)', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 16, height: 8, width: 8 }, [], 'input');
    const b = [8, 16, 8].map((c, i) =>
      g.add('Conv2d', { outChannels: c, kernel: [1, 1], padding: [0, 0] }, [x], `b${i + 1}`),
    );
    g.output(g.add('Concat', { inputs: 2 }, b, 'concat'));
    const d = g.design('stray');
    expect(branchMerge(d, idOf(d, 'concat')).ok).toBe(false);
  });
});
