import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { anyBlockDef, blockKinds, type BlockKind } from '../blocks/registry';
import type { BlockConformanceCase } from '../blocks/types';
import { CURRENT_VERSION, FORMAT, loadDesign } from '../document/format';
import { kindDef, schemaOf } from '../graph/params';
import type { Design, PortRef } from '../graph/types';
import { anyOpDef, opKinds, type OpKind } from '../layers/registry';
import type { ConformanceCase } from '../layers/types';
import { checkRuns } from '../../../test-support/ort';
import { importModel } from './import/import';

/**
 * The conformance suite: every registered op and block kind, through every case its own
 * definition gives, is analysed, exported at opsets 13 and 17, run in onnxruntime with every
 * intermediate shape compared with the core's, imported back as the same kind (a block with the
 * same params) and analysed to the same figures. A kind without a case fails here by name.
 */

const OPSETS = [13, 17] as const;
const SUBJECT = 'subject';

interface Raw {
  readonly nodes: { id: string; kind: string; label: string; params: unknown; position: { x: 0; y: 0 } }[];
  readonly edges: { id: string; from: PortRef; to: PortRef }[];
}

function addRaw(raw: Raw, kind: string, params: unknown, inputs: readonly PortRef[], label: string): string {
  const id = `n${raw.nodes.length + 1}`;
  raw.nodes.push({ id, kind, label, params, position: { x: 0, y: 0 } });
  inputs.forEach((from, port) =>
    raw.edges.push({ id: `e${raw.edges.length + 1}`, from, to: { node: id, port } }),
  );
  return id;
}

/**
 * The subject with its params, fed by one graph input per port (C×H×W, or [F] through a Flatten),
 * each output a graph output: built as a document and loaded, so the params are validated once.
 */
function caseDesign(
  kind: string,
  params: unknown,
  shapes: readonly (readonly number[])[],
  ports: { readonly inputs: number; readonly outputs: number },
  name: string,
): Design {
  const raw: Raw = { nodes: [], edges: [] };
  const feeds = Array.from({ length: ports.inputs }, (_, i): PortRef => {
    const shape = shapes[i] ?? shapes[0] ?? [16, 8, 8];
    const [c = 16, h = 8, w = 8] = shape;
    const flat = shape.length === 1;
    const x = addRaw(
      raw,
      'Input',
      { channels: c, height: flat ? 1 : h, width: flat ? 1 : w },
      [],
      `input${i}`,
    );
    return { node: flat ? addRaw(raw, 'Flatten', {}, [{ node: x, port: 0 }], `flatten${i}`) : x, port: 0 };
  });
  const subject = addRaw(raw, kind, params, feeds, SUBJECT);
  for (let i = 0; i < ports.outputs; i++) addRaw(raw, 'Output', {}, [{ node: subject, port: i }], `out${i}`);
  const loaded = loadDesign({ format: FORMAT, version: CURRENT_VERSION, name, ...raw });
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  return loaded.design;
}

function opDesign(kind: OpKind, c: ConformanceCase<unknown>): Design {
  const def = anyOpDef(kind);
  const params = def.schema.parse(c.params);
  const ports = { inputs: def.inputCount(params), outputs: def.outputCount(params) };
  return caseDesign(kind, c.params, c.inputs ?? [[16, 8, 8]], ports, `${kind}: ${c.name}`);
}

function blockDesign(kind: BlockKind, c: BlockConformanceCase<unknown>): Design {
  return caseDesign(kind, c.params, [c.input ?? [16, 8, 8]], { inputs: 1, outputs: 1 }, `${kind}: ${c.name}`);
}

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
    if (expected === kind) expect(found[0]?.params).toEqual(schemaOf(def).parse(subject.params));
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
        await conforms(blockDesign(kind, c), kind, kind, c.exportOptions, opset);
      });
});
