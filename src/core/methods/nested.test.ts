import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import { exportDesign } from '../onnx/export/onnx-export';
import { jointNestedDesign, nestedLevelDesigns, nestedLevels, nestedView } from './nested';

/** Input 3×8×8 → conv 16 → BN → ReLU → conv 32 → ReLU → pool → flatten → fc 10. */
function net(groups = 1): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 8, width: 8 }, [], 'input');
  const c1 = g.add('Conv2d', { outChannels: 16 }, [x], 'conv1');
  const r1 = g.add('ReLU', {}, [g.add('BatchNorm', {}, [c1], 'bn1')], 'relu1');
  const c2 = g.add('Conv2d', { outChannels: 32, groups }, [r1], 'conv2');
  const f = g.add(
    'Flatten',
    {},
    [g.add('GlobalAvgPool', {}, [g.add('ReLU', {}, [c2], 'relu2')], 'pool')],
    'flatten',
  );
  g.output(g.add('Linear', { outFeatures: 10 }, [f], 'fc'));
  return g.design('net');
}

// Params at widths (c1, c2): conv1 c1·3·9, bn 2·c1, conv2 c2·c1·9, fc 10·c2 + 10.
const params = (c1: number, c2: number): number => c1 * 27 + 2 * c1 + c2 * c1 * 9 + 10 * c2 + 10;
const madds = (c1: number, c2: number): number => (c1 * 27 + c2 * c1 * 9) * 64 + 10 * c2;

function levels(d: Design) {
  const r = nestedLevels(d);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('NestedNet levels', () => {
  it('a cost row per level (widths 0.25, 0.5, 1: channels 8/8, 8/16, 16/32); params stored once', () => {
    const v = nestedView(levels(net()));
    expect(v.rows.map((r) => [r.width, r.params, r.multiplyAdds])).toEqual([
      [0.25, params(8, 8), madds(8, 8)],
      [0.5, params(8, 16), madds(8, 16)],
      [1, params(16, 32), madds(16, 32)],
    ]);
    expect(v.storedParams).toBe(params(16, 32));
    expect(v.separateParams).toBe(params(8, 8) + params(8, 16) + params(16, 32));
  });

  it('each level’s weights are the first channels of the next level’s', () => {
    const [small, , full] = nestedLevelDesigns(levels(net()));
    const w = (d: Design | undefined, label: string) =>
      d?.weights?.layers[d.nodes.find((n) => n.label === label)?.id ?? '']?.['weight'] ?? new Float32Array();
    const a = w(small, 'conv2'); // [8, 8, 3, 3]
    const b = w(full, 'conv2'); // [32, 16, 3, 3]
    expect(a.length).toBe(8 * 8 * 9);
    for (let o = 0; o < 8; o++) for (let i = 0; i < 8 * 9; i++) expect(a[o * 72 + i]).toBe(b[o * 16 * 9 + i]);
    const fa = w(small, 'fc'); // [10, 8]
    const fb = w(full, 'fc'); // [10, 32]
    for (let o = 0; o < 10; o++) for (let i = 0; i < 8; i++) expect(fa[o * 8 + i]).toBe(fb[o * 32 + i]);
  });

  it('a group conv cannot be nested, and says so', () => {
    expect(nestedLevels(net(4))).toMatchObject({
      ok: false,
      error:
        'conv2 is a group conv: its first channels are not a smaller one of its kind, so it cannot be nested.',
    });
  });

  it('one model with every level’s output runs; its widest level is the design itself', async () => {
    const ls = levels(net());
    const joint = exportDesign(jointNestedDesign(ls));
    const plain = exportDesign(net());
    if (!joint.ok || !plain.ok) throw new Error('export');
    const outputs = (joint.model.graph?.output ?? []).map((o) => o.name);
    expect(outputs).toEqual(['level_0.25', 'level_0.5', 'level_1']);
    const x = new ort.Tensor(
      'float32',
      Float32Array.from({ length: 192 }, (_, i) => Math.sin(i)),
      [1, 3, 8, 8],
    );
    const s1 = await ort.InferenceSession.create(joint.bytes);
    const s2 = await ort.InferenceSession.create(plain.bytes);
    const a = await s1.run({ input: x });
    const b = await s2.run({ input: x });
    const top = a['level_1']?.data as Float32Array;
    (b['output']?.data as Float32Array).forEach((v, i) => {
      expect(top[i]).toBeCloseTo(v, 5);
    });
    expect([...(a['level_0.25']?.dims ?? [])]).toEqual([1, 10]);
    await s1.release();
    await s2.release();
  });
});
