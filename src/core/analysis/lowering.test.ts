import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../design/builder';
import { analyze } from './analyze';
import { loweringView } from './lowering';

describe('lowering view: peak memory with im2col buffers and with direct convs', () => {
  it('adds the worst conv’s buffer to what is alive while it runs', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 3, height: 8, width: 8 }, [], 'input');
    const c1 = g.add('Conv2d', { outChannels: 8 }, [x], 'conv3x3');
    const c2 = g.add('Conv2d', { outChannels: 16, kernel: [1, 1], padding: [0, 0] }, [c1], 'conv1x1');
    g.output(c2);
    const a = analyze(g.design('t'));
    const v = loweringView(a);
    // Tensors: input 3·64 = 192, conv3x3 8·64 = 512, conv1x1 16·64 = 1024.
    // conv3x3 runs with input + output alive (704) and a 3·9 × 64 = 1,728 buffer: 2,432.
    // conv1x1 is a GEMM already (no buffer) with 512 + 1,024 alive: 1,536, the direct peak.
    expect(v.convs.map((c) => [c.layer.name, c.workspace])).toEqual([['conv3x3', 3 * 9 * 64]]);
    expect(v.maxWorkspace).toBe(1728);
    expect(v.peak.direct).toEqual({ elements: 1536, layer: 2 });
    expect(v.peak.im2col).toEqual({ elements: 192 + 512 + 1728, layer: 1 });
    expect(v.peak.direct.elements).toBe(a.activations.peak);
  });

  it('a design of 1×1 stride-1 convs needs no buffer: both peaks agree', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 4, height: 4, width: 4 }, [], 'input');
    g.output(g.add('Conv2d', { outChannels: 4, kernel: [1, 1], padding: [0, 0] }, [x], 'pw'));
    const v = loweringView(analyze(g.design('t')));
    expect(v.maxWorkspace).toBe(0);
    expect(v.peak.im2col.elements).toBe(v.peak.direct.elements);
  });
});
