import { exportBytes, importDesign } from '../../../test-support/onnx-round-trip';
import { describe, expect, it } from 'vitest';
import { sumCosts } from '../analysis/cost-sum';
import { analyze } from '../analysis/analyze';
import { blockRegistry } from '../blocks/block-registry';
import type { Design } from '../design/design-types';
import { presets } from '../presets/preset-registry';
import { fireNet } from '../../../test-support/onnx-designs';
import { encodeModel, pb, type P } from './proto';

/** The node names an exporter without module scopes writes (torch 1.13: "Conv_12"). */
function unscoped(bytes: Uint8Array): Uint8Array {
  const model = pb.ModelProto.decode(bytes);
  const graph = model.graph as P.GraphProto;
  graph.node.forEach((n, i) => {
    n.name = `${n.opType ?? 'Node'}_${i}`;
  });
  return encodeModel(model);
}

const blocks = (d: Design) =>
  d.nodes
    .filter((n) => n.kind in blockRegistry)
    .map((n) => ({ kind: n.kind, params: analyzeParams(n.params) }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const analyzeParams = (p: object) => JSON.parse(JSON.stringify(p)) as object;
const kinds = (d: Design) => blocks(d).map((b) => b.kind);

const designs: [string, () => Design][] = [
  ['fire net', fireNet],
  ...presets.map((p): [string, () => Design] => [`preset ${p.name}`, () => p.build()]),
];

describe('block recognition by structure alone (node names say nothing)', () => {
  it.each(designs)('%s: the same blocks as with module scopes', (_n, build) => {
    const bytes = exportBytes(build());
    const named = importDesign(bytes);
    const bare = importDesign(unscoped(bytes));
    expect(blocks(bare)).toEqual(blocks(named));
    const t = (d: Design) => analyze(d).totals;
    expect(t(bare)).toEqual(t(named));
  });

  it.each(designs)(
    '%s: batch norm folded by the export gives the blocks with batchNorm off',
    (_n, build) => {
      const design = build();
      const folded = importDesign(unscoped(exportBytes(design, { foldBatchNorm: true })));
      expect(kinds(folded)).toEqual(kinds(importDesign(exportBytes(design))));
      for (const n of folded.nodes) if ('batchNorm' in n.params) expect(n.params.batchNorm).toBe(false);
      // Folding changes no multiply-add.
      expect(analyze(folded).totals.multiplyAdds).toBe(analyze(design).totals.multiplyAdds);
    },
    90_000,
  ); // four exports and imports of a whole network: 8 s alone, near 30 s beside other runs
});

/**
 * How many blocks of each kind every preset has, counted from the papers' architecture tables
 * (not from the build): SqueezeNet Table 1 fire2–fire9; MobileNetV1 Table 1's 13 depthwise/pointwise
 * pairs (none when every layer is a full conv); MobileNetV2 Table 2's n = 1 + 2 + 3 + 4 + 3 + 3 + 1;
 * MobileNetV3 Tables 1 and 2, one bneck a row; ShuffleNet V1 Table 1 and V2 Table 5, repeats 4 + 8 + 4.
 */
const paperBlocks: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  squeezenet1_0: { Fire: 8 },
  squeezenet1_1: { Fire: 8 },
  mobilenet_v1: { DepthwiseSeparable: 13 },
  mobilenet_v1_conv: {},
  mobilenet_v2: { InvertedResidual: 17 },
  mobilenet_v3_small: { InvertedResidual: 11 },
  mobilenet_v3_large: { InvertedResidual: 15 },
  shufflenet_v1: { ShuffleUnitV1: 16 },
  shufflenet_v2_x0_5: { ShuffleUnitV2: 16 },
  shufflenet_v2_x1_0: { ShuffleUnitV2: 16 },
  shufflenet_v2_x1_5: { ShuffleUnitV2: 16 },
  shufflenet_v2_x2_0: { ShuffleUnitV2: 16 },
};

/**
 * Each block in document order, a stage standing for its units (an ONNX file has no stages, so
 * the import gives the units): kind, output shape and figures, as the analysis gives them.
 */
const blockFigures = (d: Design) => {
  const a = analyze(d);
  return d.nodes
    .filter((n) => n.kind in blockRegistry)
    .flatMap((n) => {
      const info = a.nodes.get(n.id);
      if (n.kind !== 'Stage') return [{ kind: n.kind, out: info?.outputShapes, cost: info?.cost }];
      const layers = a.layers.slice(info?.layers[0] ?? 0, info?.layers[1] ?? 0);
      return Array.from({ length: n.params.repeats }, (_, i) => {
        const own = layers.filter((l) => l.id.startsWith(`${n.id}/n${i + 1}/`));
        return {
          kind: n.params.unit,
          out: own.at(-1)?.outputShapes,
          cost: sumCosts(own.map((l) => l.cost)),
        };
      });
    });
};

const counts = (d: Design): Record<string, number> => {
  const c: Record<string, number> = {};
  for (const b of blockFigures(d)) c[b.kind] = (c[b.kind] ?? 0) + 1;
  return c;
};

describe('block recognition in absolute counts, on every preset’s export', () => {
  it('counts blocks in the papers’ tables for every preset', () => {
    expect(presets.map((p) => p.name).filter((name) => paperBlocks[name] === undefined)).toEqual([]);
    // A recogniser that found nothing anywhere would match only the full-conv MobileNet.
    expect(Object.values(paperBlocks).filter((c) => Object.keys(c).length === 0)).toHaveLength(1);
  });

  it.each(presets.map((p) => [p.name, p] as const))(
    '%s: the paper’s blocks, with the same shapes and figures, named or not, folded or not',
    (name, preset) => {
      const design = preset.build();
      const want = paperBlocks[name];
      expect(counts(design)).toEqual(want);
      const bytes = exportBytes(design);
      for (const back of [
        importDesign(bytes),
        importDesign(unscoped(bytes)),
        importDesign(unscoped(exportBytes(design, { foldBatchNorm: true }))),
      ])
        expect(counts(back)).toEqual(want);
      expect(blockFigures(importDesign(unscoped(bytes)))).toEqual(blockFigures(design));
    },
  );
});
