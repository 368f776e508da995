import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../design/builder';
import { findPreset } from '../presets/preset-registry';
import { analyze } from './analyze';
import { deployView } from './deploy';

describe('deploy view (DeepRebirth folding)', () => {
  it('folds batch norm into the conv bias and fuses the activation', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 3, height: 8, width: 8 }, []); // 192
    const c = g.add('Conv2d', { outChannels: 4 }, [x], 'conv'); // out 256, w 108
    const b = g.add('BatchNorm', {}, [c], 'bn');
    const r = g.add('ReLU6', {}, [b], 'act');
    g.output(r);
    const view = deployView(analyze(g.design('cbr')));
    expect(view.foldedCount).toBe(2);
    const conv = view.layers.find((l) => l.layer.name === 'conv');
    expect(conv?.folded.map((f) => f.name)).toEqual(['bn', 'act']);
    // Conv gains a bias of 4; BN's γ, β (8) and its buffers go; BN and ReLU6 move no memory.
    expect(view.before.params).toBe(108 + 8);
    expect(view.after.params).toBe(108 + 4);
    expect(view.after.buffers).toBe(0);
    expect(view.after.multiplyAdds).toBe(view.before.multiplyAdds);
    expect(view.after.memoryAccess).toBe(192 + 256 + 108 + 4);
    expect(view.before.memoryAccess).toBe(192 + 256 + 108 + (256 * 2 + 8) + 256 * 2);
  });

  it('does not fold a batch norm whose input is also read elsewhere', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 4, height: 4, width: 4 }, []);
    const c = g.add('Conv2d', { outChannels: 4 }, [x], 'conv');
    const b = g.add('BatchNorm', {}, [c], 'bn');
    const s = g.add('Add', {}, [b, c], 'sum');
    g.output(s);
    const view = deployView(analyze(g.design('shared')));
    expect(view.foldedCount).toBe(0);
  });

  it('folds every batch norm and activation of MobileNetV2', () => {
    const preset = findPreset('mobilenet_v2');
    if (preset === undefined) throw new Error('mobilenet_v2 preset missing');
    const a = analyze(preset.build());
    const bns = a.layers.filter((l) => l.op === 'BatchNorm');
    const acts = a.layers.filter((l) => l.op === 'ReLU6');
    const view = deployView(a);
    expect(view.foldedCount).toBe(bns.length + acts.length);
    const bnChannels = bns.reduce((s, l) => s + (l.outputShapes[0]?.[1] ?? 0), 0);
    expect(view.after.params).toBe(a.totals.params - bnChannels);
    expect(view.after.multiplyAdds).toBe(300_774_272);
    expect(view.after.memoryAccess).toBeLessThan(a.totals.memoryAccess / 2);
  });
});
