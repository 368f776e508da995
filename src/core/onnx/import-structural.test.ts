import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { blockRegistry } from '../blocks/registry';
import type { Design } from '../graph/types';
import { presets } from '../presets/registry';
import { fireNet } from '../../../test-support/onnx-designs';
import { exportDesign, type ExportOptions } from './export/export';
import { importModel } from './import/import';
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

function bytesOf(design: Design, options: ExportOptions = {}): Uint8Array {
  const r = exportDesign(design, options);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.bytes;
}

function imported(bytes: Uint8Array): Design {
  const r = importModel(bytes);
  if (!r.ok) throw new Error(r.error);
  return r.design;
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
    const bytes = bytesOf(build());
    const named = imported(bytes);
    const bare = imported(unscoped(bytes));
    expect(blocks(bare)).toEqual(blocks(named));
    const t = (d: Design) => analyze(d).totals;
    expect(t(bare)).toEqual(t(named));
  });

  it.each(designs)('%s: batch norm folded by the export gives the blocks with batchNorm off', (_n, build) => {
    const design = build();
    const folded = imported(unscoped(bytesOf(design, { foldBatchNorm: true })));
    expect(kinds(folded)).toEqual(kinds(imported(bytesOf(design))));
    for (const n of folded.nodes) if ('batchNorm' in n.params) expect(n.params.batchNorm).toBe(false);
    // Folding changes no multiply-add.
    expect(analyze(folded).totals.multiplyAdds).toBe(analyze(design).totals.multiplyAdds);
  });
});
