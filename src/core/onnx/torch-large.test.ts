import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import type { Design } from '../design/design-types';
import { importModel } from './import/import';
import { encodeModel, pb } from './proto';

/**
 * Full-width torchvision models (fixtures/torch/make.py, random sparse weights): the blocks their
 * architectures are built of, counted here from the papers' tables, come back as blocks named by
 * their module paths, and the figures equal the ones counted in PyTorch (the .json next to each).
 */
const dir = join(__dirname, '../../../fixtures/torch');
const bytesOf = (name: string): Uint8Array =>
  new Uint8Array(gunzipSync(readFileSync(join(dir, `${name}.bn.op13.onnx.gz`))));
const torchFigures = (name: string): { params: number; multiplyAdds: number } =>
  JSON.parse(readFileSync(join(dir, `${name}.bn.op13.json`), 'utf8')) as {
    params: number;
    multiplyAdds: number;
  };

/**
 * Module paths of a stage list: [['layer1', 2], …] → layer1.0, layer1.1, …; a stage of one block is
 * still a Sequential in torchvision, its block at index 0 (features.1.0).
 */
const paths = (stages: readonly (readonly [string, number])[]): string[] =>
  stages.flatMap(([stage, n]) => Array.from({ length: n }, (_, i) => `${stage}.${String(i)}`));

const cases = [
  {
    name: 'efficientnet_b0',
    kind: 'MBConv',
    // EfficientNet-B0's table: stages of 1, 2, 2, 3, 3, 4, 1 MBConv blocks (features.1 … features.7).
    labels: paths([
      ['features.1', 1],
      ['features.2', 2],
      ['features.3', 2],
      ['features.4', 3],
      ['features.5', 3],
      ['features.6', 4],
      ['features.7', 1],
    ]),
  },
  {
    name: 'resnet18',
    kind: 'BasicBlock',
    // ResNet-18: [2, 2, 2, 2] basic blocks.
    labels: paths([
      ['layer1', 2],
      ['layer2', 2],
      ['layer3', 2],
      ['layer4', 2],
    ]),
  },
  {
    name: 'resnet50',
    kind: 'Bottleneck',
    // ResNet-50: [3, 4, 6, 3] bottlenecks.
    labels: paths([
      ['layer1', 3],
      ['layer2', 4],
      ['layer3', 6],
      ['layer4', 3],
    ]),
  },
] as const;

function imported(bytes: Uint8Array, name: string): Design {
  const r = importModel(bytes, { name });
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

/** The same file with every node renamed "Conv_12"-style, as torch 1.13 writes at some settings. */
function unscoped(bytes: Uint8Array): Uint8Array {
  const model = pb.ModelProto.decode(bytes);
  model.graph?.node?.forEach((n, i) => {
    n.name = `${n.opType ?? 'Node'}_${String(i)}`;
  });
  return encodeModel(model);
}

describe('big torchvision imports read as their modules', () => {
  it.each(cases)('$name: $labels.length $kind blocks, named by module path', ({ name, kind, labels }) => {
    const design = imported(bytesOf(name), name);
    expect(design.name).toBe(name);
    expect(labels).toHaveLength(kind === 'Bottleneck' ? 16 : kind === 'MBConv' ? 16 : 8);
    expect(design.nodes.filter((n) => n.kind === kind).map((n) => n.label)).toEqual(labels);
    const t = analyze(design).totals;
    const want = torchFigures(name);
    expect([t.params, t.multiplyAdds]).toEqual([want.params, want.multiplyAdds]);
  });

  it.each(cases)(
    '$name with plain node names: module paths come from the weights',
    ({ name, kind, labels }) => {
      const design = imported(unscoped(bytesOf(name)), name);
      expect(design.nodes.filter((n) => n.kind === kind).map((n) => n.label)).toEqual(labels);
      expect(design.nodes.some((n) => n.label === 'conv1' || n.label === 'features.0.0')).toBe(true);
    },
  );

  it('a ratio that is no factor is kept as the width: MobileNetV3 prints e=88, not t=3.67', () => {
    const bytes = new Uint8Array(gunzipSync(readFileSync(join(dir, 'mobilenet_v3_small.bn.op13.onnx.gz'))));
    const design = imported(bytes, 'mobilenet_v3_small');
    const ir = design.nodes.find((n) => n.label === 'features.3');
    // torchvision's table: features.3 expands 24 → 88 channels.
    expect(ir?.params).toMatchObject({ expandedChannels: 88 });
    expect(design.nodes.filter((n) => n.kind === 'InvertedResidual')).toHaveLength(11);
  });
});
