import { anyOpDef, importPatterns, isOpKind } from '../../kinds';
import type { IrGraph } from '../ir/graph';
import type { Inferred } from '../ir/infer';
import { ImportError, MapContext } from './import-context';

/** Every node of the graph as primitives, in order; unmapped nodes become opaque ops. */
export function mapGraph(graph: IrGraph, inferred: Inferred): MapContext {
  const ctx = new MapContext(graph, inferred, { isOpKind, opSchema: (kind) => anyOpDef(kind).schema });
  for (const input of graph.inputs) {
    const [n, c, h, w] = input.shape;
    if (input.shape.length !== 4 || n !== 1)
      throw new ImportError(
        `input "${input.name}" is ${input.shape.join('×')}; only image inputs 1×C×H×W are supported`,
      );
    ctx.prims.push({
      kind: 'Input',
      params: { channels: c, height: h, width: w },
      inputs: [],
      outputs: [input.name],
      label: ctx.label(input.name, 'Input'),
      weights: {},
    });
  }
  for (const node of graph.nodes) {
    if (ctx.absorbed.has(node) || ctx.isFolded(node)) continue;
    if ((node.opType === 'Identity' || node.opType === 'Cast') && node.domain === '') {
      ctx.alias(node.outputs[0] ?? '', node.inputs[0] ?? '');
      continue;
    }
    // The ops' own patterns for this ONNX op type, most specific first; none that fits: opaque.
    const patterns = node.domain === '' || node.domain === 'ai.onnx' ? importPatterns(node.opType) : [];
    if (patterns.some((p) => p.map(node, ctx))) continue;
    ctx.opaque(
      node,
      patterns.length === 0
        ? 'Compact Studio has no primitive for this op'
        : 'its settings have no primitive (see the docs of the op)',
    );
  }
  for (const out of graph.outputs)
    ctx.prims.push({
      kind: 'Output',
      params: {},
      inputs: [ctx.resolve(out)],
      outputs: [],
      label: ctx.label(out, 'Output'),
      weights: {},
    });
  return ctx;
}
