import { describe, expect, it } from 'vitest';
import { anyBlockDef, blockKinds } from '../blocks/block-registry';
import { GraphBuilder } from '../design/builder';
import { anyOpDef, opKinds } from '../ops/op-registry';
import { findPreset } from '../presets/preset-registry';
import { exportTorch } from './torch-export';
import { className, identifier, NameScope, py, pyCall } from './python';
import { encodeSafetensors } from './safetensors';

const source = (name: string): string => {
  const preset = findPreset(name);
  if (preset === undefined) throw new Error(name);
  const r = exportTorch(preset.build());
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.source;
};

describe('PyTorch export: the file', () => {
  it('lays torchvision-style labels out as torchvision does: nested nn.Sequential, same state-dict keys', () => {
    const s = source('mobilenet_v2');
    expect(s).toContain('class InvertedResidual(nn.Module):');
    expect(s).toContain('class MobileNetV2(nn.Module):');
    expect(s).toMatch(
      /self\.features = nn\.Sequential\(\n {12}nn\.Sequential\(\n {16}nn\.Conv2d\(3, 32, 3, stride=2, padding=1, bias=False\),/,
    );
    expect(s).toContain('InvertedResidual(32, 16, expansion=1),');
    expect(s).toContain('InvertedResidual(16, 24, stride=2),');
    expect(s).toContain(
      'self.classifier = nn.Sequential(\n            nn.Dropout(0.2),\n            nn.Linear(1280, 1000),',
    );
    expect(s).toContain(
      '        x = self.features(x)\n        x = self.avgpool(x)\n        x = self.flatten(x)\n        x = self.classifier(x)\n        return x',
    );
    expect(s).toContain('INPUT_SHAPE = (1, 3, 224, 224)');
    expect(s).toContain('3,504,872');
  });

  it('gathers loose layers into stem and head around the stages', () => {
    const s = source('shufflenet_v2_x1_0');
    for (const name of ['stem', 'stage2', 'stage3', 'stage4', 'head'])
      expect(s).toContain(`self.${name} = nn.Sequential(`);
    expect(s).toContain('("conv1", nn.Conv2d(3, 24, 3, stride=2, padding=1, bias=False)),');
    expect(s).toContain('from collections import OrderedDict');
  });

  it('writes weights only for a design that has them, unless asked', () => {
    const design = findPreset('squeezenet1_1')?.build();
    if (design === undefined) throw new Error('preset');
    const plain = exportTorch(design);
    expect(plain.ok && plain.weights).toBe(undefined);
    expect(plain.ok && plain.source).toContain('WEIGHTS = None');
    const seeded = exportTorch(design, { weights: true, weightsFile: 'net.safetensors' });
    expect(seeded.ok && seeded.source).toContain('WEIGHTS = "net.safetensors"');
    expect(seeded.ok && seeded.weights?.length).toBeGreaterThan(4 * 1_235_496);
  });

  it('writes a sparse layer as the dense module with a comment, and its masked weight by default', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 8, height: 6, width: 6 }, []);
    const conv = g.add('Conv2d', { outChannels: 4, kernel: [3, 3], density: 0.25 }, [x], 'conv');
    g.output(conv);
    const r = exportTorch(g.design('sparse'));
    if (!r.ok) throw new Error(r.errors.join('; '));
    // 4·8·3·3 = 288 weights, round(0.25·288) = 72 kept.
    expect(r.source).toContain(
      '# sparse (density 0.25): the weight file keeps 72 of its 288 weights non-zero',
    );
    const bytes = r.weights ?? new Uint8Array();
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    const data = new Float32Array(bytes.slice(8 + headerLength).buffer);
    expect(data.length).toBe(288);
    expect(data.filter((v) => v !== 0).length).toBe(72);
  });

  it('refuses an opaque op by name and place, and a design with errors with its diagnostics', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 3, height: 8, width: 8 }, [], 'input');
    const o = g.add('Opaque', { opType: 'GridSample', outputShapes: [[1, 3, 8, 8]] }, [x], 'warp');
    g.output(o);
    const r = exportTorch(g.design('warped'));
    expect(r).toEqual({
      ok: false,
      errors: [
        `Node "warp" (${o.node}) cannot be written as PyTorch: it is an imported ONNX GridSample op that Compact Studio keeps as it came and has no PyTorch form for.`,
      ],
    });
    const bad = new GraphBuilder();
    const i = bad.add('Input', { channels: 3 }, [], 'input');
    bad.output(bad.add('Conv2d', { outChannels: 8, groups: 2 }, [i], 'conv'));
    const e = exportTorch(bad.design('bad'));
    expect(e.ok).toBe(false);
    expect(!e.ok && e.errors[0]).toMatch(
      /^CS004 node "conv" \(.+\): groups = 2 does not divide the 3 input channels\.$/,
    );
  });

  it('has a PyTorch form for every op kind but the opaque one, and a class for every block kind', () => {
    const without = opKinds.filter((k) => anyOpDef(k).pytorch.form === 'none');
    expect(without).toEqual(['Opaque']);
    for (const k of blockKinds) expect(anyBlockDef(k).pytorch.className).toMatch(/^[A-Z][A-Za-z0-9]*$/);
  });
});

describe('Python text', () => {
  it.each([
    [null, 'None'],
    [true, 'True'],
    [1e-5, '0.00001'],
    [1e-7, '1e-7'],
    ['relu6', '"relu6"'],
    [[3, 3], '(3, 3)'],
    [[7], '(7,)'],
  ] as const)('py(%j) is %s', (v, want) => {
    expect(py(v)).toBe(want);
  });

  it('leaves out keyword arguments equal to their default', () => {
    expect(
      pyCall(
        'nn.Conv2d',
        [3, 8, 3],
        [
          ['stride', 1, 1],
          ['groups', 2, 1],
          ['bias', false, true],
        ],
      ),
    ).toBe('nn.Conv2d(3, 8, 3, groups=2, bias=False)');
  });

  it.each([
    ['features.0', 'features_0'],
    ['conv 1/bn', 'conv_1_bn'],
    ['3x3', 'layer_3x3'],
    ['—', 'layer'],
  ])('identifier(%s) is %s', (label, want) => {
    expect(identifier(label)).toBe(want);
  });

  it('names classes from the design and keeps module and local names clear of Python and nn.Module', () => {
    expect(className('op zoo')).toBe('OpZoo');
    expect(className('SqueezeNet 1.1')).toBe('SqueezeNet11');
    const modules = new NameScope('module');
    expect(['forward', 'forward', 'class', 'conv'].map((n) => modules.claim(n))).toEqual([
      'forward_2',
      'forward_3',
      'class_2',
      'conv',
    ]);
    expect(new NameScope('local').claim('input')).toBe('input_2');
    expect(new NameScope('child').claim('0')).toBe('0');
  });
});

describe('safetensors', () => {
  it('writes the header length, an 8-byte aligned JSON header and the raw little-endian data', () => {
    const bytes = encodeSafetensors([
      { name: 'a.weight', shape: [2], data: Float32Array.from([1, -2]) },
      { name: 'b.bias', shape: [1, 1], data: Float32Array.from([0.5]) },
    ]);
    const view = new DataView(bytes.buffer);
    const n = Number(view.getBigUint64(0, true));
    expect(n % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.slice(8, 8 + n))) as Record<string, unknown>;
    expect(header['a.weight']).toEqual({ dtype: 'F32', shape: [2], data_offsets: [0, 8] });
    expect(header['b.bias']).toEqual({ dtype: 'F32', shape: [1, 1], data_offsets: [8, 12] });
    expect(bytes.length).toBe(8 + n + 12);
    expect([0, 1, 2].map((i) => view.getFloat32(8 + n + 4 * i, true))).toEqual([1, -2, 0.5]);
  });
});
