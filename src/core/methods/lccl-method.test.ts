import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { probeBlock } from '../../../test-support/block-probe';
import { GraphBuilder } from '../design/builder';
import { lcclView, zeroRatio } from './lccl-method';

// Hand counts for a 32×16×16 input, 64 outputs, 3×3 main conv, stride 1:
// main 64·32·9·16·16, LCCL 1×1 with bias 64·32·16·16 multiply-adds; params 64·32·9 + 64·32 + 64.
const main = 64 * 32 * 9 * 256;
const lccl = 64 * 32 * 256;

describe('LCCL conv', () => {
  it('as exported: both convs in full', () => {
    const p = probeBlock([32, 16, 16], (g, x) => g.add('LcclConv', { outChannels: 64 }, [x], 'l'));
    expect(p.shape).toEqual([1, 64, 16, 16]);
    expect(p.multiplyAdds).toBe(main + lccl);
    expect(p.params).toBe(64 * 32 * 9 + 64 * 32 + 64);
    // The paper's product of the two ReLU outputs: ReLU after each conv, then one Multiply.
    expect(p.layers.map((l) => l.op)).toEqual(['Conv2d', 'Conv2d', 'ReLU', 'ReLU', 'Multiply']);
  });

  it('stride 2 keeps the two convs aligned (⌊(H − 1)/2⌋ + 1 both)', () => {
    const p = probeBlock([8, 15, 15], (g, x) =>
      g.add('LcclConv', { outChannels: 4, kernel: 5, stride: 2 }, [x]),
    );
    expect(p.shape).toEqual([1, 4, 8, 8]);
    expect(p.errors).toEqual([]);
  });

  it('effective = cost(LCCL) + (1 − z)·cost(main): hand-set, then measured', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 32, height: 16, width: 16 }, []);
    const l = g.add('LcclConv', { outChannels: 64, zeroRatio: 0.25 }, [x], 'l');
    g.output(l);
    const a = analyze(g.design('lccl'));
    const hand = lcclView(a);
    expect(hand.rows[0]?.effective).toBe(lccl + 0.75 * main);
    expect(hand.rows[0]?.asExported).toBe(lccl + main);
    expect(hand.rows[0]?.source).toBe('set by hand');
    expect(hand.asExportedMultiplyAdds).toBe(lccl + main);
    expect(hand.effectiveMultiplyAdds).toBe(lccl + 0.75 * main);
    const measured = lcclView(a, new Map([[l.node, { zeroRatio: 0.6, image: 'chelsea.jpg' }]]));
    expect(measured.rows[0]?.effective).toBeCloseTo(lccl + 0.4 * main, 6);
    expect(measured.rows[0]?.source).toBe('measured on chelsea.jpg');
    expect(measured.rows[0]?.formula.substituted).toContain('(1 − 0.6)');
  });

  it('the zero ratio counts exact zeros', () => {
    expect(zeroRatio([0, 1, 0, 2.5])).toBe(0.5);
    expect(zeroRatio([])).toBe(0);
  });
});
