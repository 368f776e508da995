import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { anyBlockDef, blockKinds } from '../blocks/block-registry';
import { kindDef, schemaOf } from '../design/params';
import type { Design } from '../design/design-types';
import { anyOpDef, opKinds } from '../ops/op-registry';
import { SUBJECT, blockDesign, opDesign } from '../../../test-support/conformance-designs';
import { checkRuns } from '../../../test-support/ort';
import { importModel } from './import/import';
import { readModel } from './ir/read';
import { countFile } from '../../../test-support/onnx-count';

/**
 * The conformance suite: every registered op and block kind, through every case its own
 * definition gives, is analysed, exported at opsets 13 and 17, run in onnxruntime with every
 * intermediate shape compared with the core's, imported back as the same kind (a block with the
 * same params) and analysed to the same figures. A kind without a case fails here by name.
 */

const OPSETS = [13, 17] as const;

const figures = (d: Design) => {
  const a = analyze(d);
  expect(a.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  const { params, buffers, multiplyAdds, memoryAccessConvFc, memoryAccess } = a.totals;
  return { params, buffers, multiplyAdds, memoryAccessConvFc, memoryAccess };
};

/** The checks every case goes through; `expected`: the kind the import must give, null for none. */
async function conforms(
  design: Design,
  kind: string,
  expected: string | null,
  options: { readonly shift?: 'slice' | 'conv'; readonly foldBatchNorm?: boolean } | undefined,
  opset: number,
): Promise<void> {
  const before = figures(design);
  const subject = design.nodes.find((n) => n.label === SUBJECT);
  expect(subject?.kind).toBe(kind);
  const bytes = await checkRuns(design, { ...options, opset });
  // An independent count: the file's own params, multiply-adds and conv/FC memory access, read
  // from its initializers and nodes, equal the design's (a shift written as a one-hot depthwise
  // conv, the default, is the one documented excess).
  const read = readModel(bytes);
  if (!read.ok) throw new Error(read.error);
  const file = countFile(read.graph);
  const layers = analyze(design).layers;
  const shifts = layers.some((l) => l.op === 'Shift' || l.op === 'SparseShift');
  // An expander conv is written as a Gather of Cout·D channels and a grouped Conv: the file's conv
  // reads the gathered copy, (Cout·D − Cin)·H·W more elements than the design's conv reads.
  const gathered = layers
    .filter((l) => l.op === 'ExpanderConv2d')
    .reduce((sum, l) => {
      const [, cin = 0, h = 0, w = 0] = l.inputShapes[0] ?? [];
      const p = l.params as { outChannels: number; fanIn: number };
      return sum + (p.outChannels * p.fanIn - cin) * h * w;
    }, 0);
  if (!shifts || options?.shift === 'slice') {
    const counted = { params: file.params, buffers: file.buffers, multiplyAdds: file.multiplyAdds };
    expect(counted).toEqual({
      params: before.params,
      buffers: before.buffers,
      multiplyAdds: before.multiplyAdds,
    });
    expect(file.memoryAccessConvFc).toBe(before.memoryAccessConvFc + gathered);
  }
  const back = importModel(bytes);
  if (!back.ok) throw new Error(back.error);
  const found = back.design.nodes.filter((n) => n.kind === (expected ?? kind));
  if (expected === null) expect(found, `${kind} should vanish on export`).toEqual([]);
  else {
    expect(
      found.map((n) => n.kind),
      `the import gives a ${expected}`,
    ).toEqual([expected]);
    // Params compare after the schema fills in defaults, so "left out" equals "the default".
    const def = kindDef(expected);
    if (def === undefined || subject === undefined) throw new Error(`unknown kind ${expected}`);
    // An import keeps an expanded width as the file gives it, absolute (expandedChannels): the same
    // block as a ratio that gives that width, which the figures below confirm.
    const asRead = { ...(found[0]?.params ?? {}) } as Record<string, unknown>;
    const want = { ...(schemaOf(def).parse(subject.params) as Record<string, unknown>) };
    if ('expandedChannels' in asRead && !('expandedChannels' in subject.params))
      for (const p of [asRead, want]) {
        delete p['expandedChannels'];
        delete p['expansion'];
      }
    if (expected === kind) expect(asRead).toEqual(want);
  }
  expect(figures(back.design)).toEqual(before);
}

describe.each(opKinds)('op %s', (kind) => {
  const cases = anyOpDef(kind).conformance;
  it('has a conformance case', () => {
    expect(cases.length, `${kind} has no conformance case in its definition`).toBeGreaterThan(0);
  });
  for (const c of cases)
    for (const opset of OPSETS)
      it(`${c.name}: exports at opset ${opset}, runs with the core's shapes, imports back`, async () => {
        const expected = c.importsAs === undefined ? kind : c.importsAs.kind;
        await conforms(opDesign(kind, c), kind, expected, c.exportOptions, opset);
      });
});

describe.each(blockKinds)('block %s', (kind) => {
  const cases = anyBlockDef(kind).conformance;
  it('has a conformance case', () => {
    expect(cases.length, `${kind} has no conformance case in its definition`).toBeGreaterThan(0);
  });
  for (const c of cases)
    for (const opset of OPSETS)
      it(`${c.name}: exports at opset ${opset}, runs, is recognised with the same params`, async () => {
        await conforms(blockDesign(kind, c), kind, c.importsAs ?? kind, c.exportOptions, opset);
      });
});
