import { DataType, num, type P } from '../src/core/onnx/proto';
import { elementCount } from '../src/core/onnx/ir/graph';

const bytesPer: Readonly<Record<number, number>> = {
  [DataType.FLOAT]: 4,
  [DataType.INT64]: 8,
  [DataType.INT32]: 4,
  [DataType.DOUBLE]: 8,
};

/**
 * The key rules of onnx.checker that our files rely on: IR version and default-domain opset set,
 * SSA (every tensor defined once), every node input defined before use (topological order),
 * unique node names, typed graph inputs and outputs, initializer data that fits its dims.
 * Returns the broken rules, empty when the model passes.
 */
export function checkStructure(model: P.IModelProto): string[] {
  const problems: string[] = [];
  if (num(model.irVersion) < 3) problems.push('ir_version is missing');
  if (!(model.opsetImport ?? []).some((o) => (o.domain ?? '') === '' && num(o.version) > 0))
    problems.push('no opset import for the default domain');
  const g = model.graph;
  if (g === undefined || g === null) return [...problems, 'no graph'];
  const defined = new Set<string>();
  const define = (name: string, what: string): void => {
    if (name === '') problems.push(`${what} has an empty name`);
    else if (defined.has(name)) problems.push(`${what} "${name}" is defined twice`);
    defined.add(name);
  };
  for (const t of g.initializer ?? []) {
    define(t.name ?? '', 'initializer');
    const dims = (t.dims ?? []).map(num);
    const per = bytesPer[t.dataType ?? 0];
    const stored =
      t.rawData && t.rawData.length > 0 && per !== undefined
        ? t.rawData.length / per
        : (t.floatData?.length ?? 0) + (t.int64Data?.length ?? 0) + (t.int32Data?.length ?? 0);
    if (per !== undefined && stored !== elementCount(dims))
      problems.push(
        `initializer "${t.name ?? ''}" holds ${stored} values but its dims need ${elementCount(dims)}`,
      );
  }
  for (const i of g.input ?? []) {
    if (defined.has(i.name ?? '')) continue;
    define(i.name ?? '', 'graph input');
    if (i.type?.tensorType?.elemType === undefined)
      problems.push(`graph input "${i.name ?? ''}" has no type`);
  }
  const nodeNames = new Set<string>();
  for (const n of g.node ?? []) {
    const name = n.name ?? '';
    if (name !== '' && nodeNames.has(name)) problems.push(`node name "${name}" is used twice`);
    nodeNames.add(name);
    if ((n.opType ?? '') === '') problems.push(`node "${name}" has no op type`);
    for (const i of n.input ?? [])
      if (i !== '' && !defined.has(i))
        problems.push(`node "${name}" reads "${i}" before anything defines it`);
    for (const o of n.output ?? []) define(o, `output of node "${name}"`);
  }
  for (const o of g.output ?? []) {
    if (!defined.has(o.name ?? '')) problems.push(`graph output "${o.name ?? ''}" is not produced`);
    if (o.type?.tensorType?.elemType === undefined)
      problems.push(`graph output "${o.name ?? ''}" has no type`);
  }
  return problems;
}
