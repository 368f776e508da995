import { anyBlockDef, blockKinds, type BlockKind } from '../src/core/blocks/block-registry';
import type { BlockConformanceCase } from '../src/core/blocks/block-types';
import { CURRENT_VERSION, FORMAT, loadDesign } from '../src/core/document/format';
import type { Design, PortRef } from '../src/core/design/design-types';
import { anyOpDef, opKinds, type OpKind } from '../src/core/ops/op-registry';
import type { ConformanceCase } from '../src/core/ops/op-types';
import type { ExportOptions } from '../src/core/onnx/export/onnx-export';

/**
 * The minimal designs of the conformance suite: each registered kind's own cases, one subject node
 * fed by graph inputs and read by graph outputs. Shared by the onnxruntime conformance suite and the
 * official ONNX checker test.
 */
/** The label of the node under test in every conformance design. */
export const SUBJECT = 'subject';

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

export function opDesign(kind: OpKind, c: ConformanceCase<unknown>): Design {
  const def = anyOpDef(kind);
  const params = def.schema.parse(c.params);
  const ports = { inputs: def.inputCount(params), outputs: def.outputCount(params) };
  return caseDesign(kind, c.params, c.inputs ?? [[16, 8, 8]], ports, `${kind}: ${c.name}`);
}

export function blockDesign(kind: BlockKind, c: BlockConformanceCase<unknown>): Design {
  return caseDesign(kind, c.params, [c.input ?? [16, 8, 8]], { inputs: 1, outputs: 1 }, `${kind}: ${c.name}`);
}

/** Every conformance design of every registered op and block kind, with its export options. */
export function conformanceDesigns(): { name: string; design: Design; options: ExportOptions }[] {
  return [
    ...opKinds.flatMap((kind) =>
      anyOpDef(kind).conformance.map((c) => ({
        name: `op ${kind}: ${c.name}`,
        design: opDesign(kind, c),
        options: c.exportOptions ?? {},
      })),
    ),
    ...blockKinds.flatMap((kind) =>
      anyBlockDef(kind).conformance.map((c) => ({
        name: `block ${kind}: ${c.name}`,
        design: blockDesign(kind, c),
        options: c.exportOptions ?? {},
      })),
    ),
  ];
}
