import { blockRegistry, type BlockKind } from '../blocks/registry';
import { diagnostic, type Diagnostic, type Problem } from '../diagnostics';
import { inputCount, outputCount } from '../graph/builder';
import { topologicalOrder } from '../graph/topo';
import type { Design, DesignNode, Edge } from '../graph/types';
import { opRegistry, type OpKind } from '../layers/registry';
import { zeroCost, type AnyOpDef, type OpCost } from '../layers/types';
import type { AnyBlockDef } from '../blocks/types';
import { elements, type Shape } from '../shape';
import { activationMemory } from './activations';
import { sumCosts } from './cost-sum';
import type { Analysis, LayerInfo, NodeInfo } from './types';

interface Tensor {
  readonly id: number;
  readonly shape: Shape;
}

/** Where a graph being analysed sits: the top-level design, or inside a block. */
interface Scope {
  readonly idPrefix: string;
  readonly namePrefix: string;
  /** The top-level node that owns everything inside this scope (undefined at the top). */
  readonly owner: DesignNode | undefined;
}

class Run {
  readonly layers: LayerInfo[] = [];
  readonly tensorSizes: number[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly nodes = new Map<string, NodeInfo>();

  newTensor(shape: Shape): Tensor {
    const id = this.tensorSizes.length;
    this.tensorSizes.push(elements(shape));
    return { id, shape };
  }
}

const key = (node: string, port: number): string => `${node}:${port}`;

function defOf(kind: string): { op: AnyOpDef } | { block: AnyBlockDef } | undefined {
  if (Object.hasOwn(opRegistry, kind)) return { op: opRegistry[kind as OpKind] };
  if (Object.hasOwn(blockRegistry, kind)) return { block: blockRegistry[kind as BlockKind] };
  return undefined;
}

/** Shapes, costs, diagnostics and activation memory of a design: a pure function of it. */
export function analyze(design: Design): Analysis {
  const run = new Run();
  const order = runGraph(run, design.nodes, design.edges, new Map(), {
    idPrefix: '',
    namePrefix: '',
    owner: undefined,
  });
  if (!design.nodes.some((n) => n.kind === 'Input'))
    run.diagnostics.push(
      diagnostic('noInput', 'The design has no Input node: add one from the palette.', {}, 'warning'),
    );
  if (!design.nodes.some((n) => n.kind === 'Output'))
    run.diagnostics.push(
      diagnostic('noOutput', 'The design has no Output node: mark the result with one.', {}, 'warning'),
    );
  return {
    design,
    order,
    nodes: run.nodes,
    layers: run.layers,
    diagnostics: run.diagnostics,
    totals: sumCosts(run.layers.map((l) => l.cost)),
    activations: activationMemory(run.layers, run.tensorSizes),
  };
}

/**
 * Analyses one graph level in topological order. `bound` gives the tensors arriving at input ports
 * from outside (a block's inputs). Returns the order; outputs are recorded in `produced`.
 */
function runGraph(
  run: Run,
  nodes: readonly DesignNode[],
  edges: readonly Edge[],
  bound: ReadonlyMap<string, Tensor>,
  scope: Scope,
  produced = new Map<string, Tensor>(),
): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const report = (
    node: DesignNode | undefined,
    p: Problem,
    severity: Diagnostic['severity'] = 'error',
  ): void => {
    const owner = scope.owner ?? node;
    const inner = scope.owner !== undefined && node !== undefined ? `${node.label}: ` : '';
    const where: { nodeId?: string; field?: string } = {};
    if (owner !== undefined) where.nodeId = owner.id;
    if (p.field !== undefined && scope.owner === undefined) where.field = p.field;
    run.diagnostics.push(diagnostic(p.key, inner + p.message, where, severity));
  };

  // Edges: drop those that point nowhere or double up on an input, saying so.
  const incoming = new Map<string, Edge>();
  const valid: Edge[] = [];
  for (const e of edges) {
    const from = byId.get(e.from.node);
    const to = byId.get(e.to.node);
    if (
      from === undefined ||
      to === undefined ||
      e.from.port >= safeCount(outputCount, from) ||
      e.to.port >= safeCount(inputCount, to)
    ) {
      report(
        to ?? from,
        {
          key: 'danglingEdge',
          message: `A connection points to a port that does not exist (${e.from.node}:${e.from.port} → ${e.to.node}:${e.to.port}); it is ignored.`,
        },
        'warning',
      );
      continue;
    }
    const k = key(e.to.node, e.to.port);
    if (incoming.has(k) || bound.has(k)) {
      report(to, {
        key: 'duplicateInputEdge',
        message: `Input ${e.to.port + 1} has more than one connection; only the first is used.`,
        field: `input ${e.to.port + 1}`,
      });
      continue;
    }
    incoming.set(k, e);
    valid.push(e);
  }

  const topo = topologicalOrder(
    nodes.map((n) => n.id),
    valid,
  );
  for (const id of topo.cyclic)
    report(byId.get(id), {
      key: 'cycle',
      message:
        'This node is on a cycle: a network must flow one way. Remove one of the connections that loop back.',
    });
  for (const id of topo.blocked)
    if (!topo.cyclic.has(id))
      report(
        byId.get(id),
        { key: 'upstreamError', message: 'Comes after a cycle, so its shape is unknown.' },
        'info',
      );

  for (const id of topo.order) {
    const node = byId.get(id);
    if (node === undefined) continue;
    const layerStart = run.layers.length;
    const diagStart = run.diagnostics.length;
    const count = safeCount(inputCount, node);
    const inputs: (Tensor | undefined)[] = [];
    let upstreamMissing = false;
    for (let port = 0; port < count; port++) {
      const k = key(id, port);
      const edge = incoming.get(k);
      const t =
        bound.get(k) ?? (edge === undefined ? undefined : produced.get(key(edge.from.node, edge.from.port)));
      if (edge !== undefined && t === undefined) upstreamMissing = true;
      inputs.push(t);
    }
    let outputs: Tensor[] | undefined;
    if (upstreamMissing) {
      report(
        node,
        {
          key: 'upstreamError',
          message: 'An earlier node has a problem, so this one cannot be analysed yet.',
        },
        'info',
      );
    } else {
      outputs = runNode(run, node, inputs, scope, report);
    }
    outputs?.forEach((t, port) => produced.set(key(id, port), t));
    if (scope.owner === undefined) {
      const layers = run.layers.slice(layerStart);
      run.nodes.set(id, {
        nodeId: id,
        inputShapes: inputs.map((t) => t?.shape),
        outputShapes: outputs?.map((t) => t.shape),
        cost: layers.length === 0 ? zeroCost : sumCosts(layers.map((l) => l.cost)),
        layers: [layerStart, run.layers.length],
        diagnostics: run.diagnostics.slice(diagStart).filter((d) => d.nodeId === id),
      });
    }
  }
  if (scope.owner === undefined) {
    for (const id of topo.blocked) {
      run.nodes.set(id, {
        nodeId: id,
        inputShapes: [],
        outputShapes: undefined,
        cost: zeroCost,
        layers: [run.layers.length, run.layers.length],
        diagnostics: run.diagnostics.filter((d) => d.nodeId === id),
      });
    }
  }
  return [...topo.order];
}

function safeCount(f: (n: DesignNode) => number, node: DesignNode): number {
  try {
    return f(node);
  } catch {
    return 0;
  }
}

function runNode(
  run: Run,
  node: DesignNode,
  inputs: readonly (Tensor | undefined)[],
  scope: Scope,
  report: (node: DesignNode, p: Problem) => void,
): Tensor[] | undefined {
  const def = defOf(node.kind);
  if (def === undefined) {
    report(node, { key: 'unknownKind', message: `Unknown node kind "${node.kind}".` });
    return undefined;
  }
  const schema = 'op' in def ? def.op.schema : def.block.schema;
  const parsed = schema.safeParse(node.params);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      report(node, {
        key: 'invalidParams',
        message: `${field === '' ? 'Settings' : field}: ${issue.message}`,
        field,
      });
    }
    return undefined;
  }
  const params = parsed.data;
  const shapes = inputs.map((t) => t?.shape) as Shape[];
  if ('op' in def) {
    const result = def.op.infer({ params, inputs: shapes });
    if (!result.ok) {
      for (const p of result.problems) report(node, p);
      return undefined;
    }
    const outShapes = result.value;
    const inTensors = inputs.filter((t): t is Tensor => t !== undefined);
    const outTensors =
      def.op.view === true && inTensors[0] !== undefined
        ? outShapes.map((shape) => ({ id: (inTensors[0] as Tensor).id, shape }))
        : outShapes.map((shape) => run.newTensor(shape));
    const cost: OpCost = def.op.cost({ params, inputs: shapes, outputs: outShapes });
    run.layers.push({
      index: run.layers.length,
      id: scope.idPrefix + node.id,
      nodeId: scope.owner?.id ?? node.id,
      name: scope.namePrefix + node.label,
      op: node.kind as OpKind,
      block: scope.owner?.label,
      params,
      inputShapes: shapes,
      outputShapes: outShapes,
      inputTensors: inTensors.map((t) => t.id),
      outputTensors: outTensors.map((t) => t.id),
      cost,
    });
    return outTensors;
  }
  // A block: expand, then analyse its primitives with the block's inputs bound.
  if (inputs.some((t) => t === undefined)) {
    const missing = inputs.findIndex((t) => t === undefined);
    report(node, {
      key: 'unconnectedInput',
      message: `Input ${missing + 1} is not connected.`,
      field: `input ${missing + 1}`,
    });
    return undefined;
  }
  const expanded = def.block.expand(params, shapes);
  if (!expanded.ok) {
    for (const p of expanded.problems) report(node, p);
    return undefined;
  }
  const sub = expanded.value;
  const bound = new Map<string, Tensor>();
  sub.inputs.forEach((targets, i) => {
    const t = inputs[i];
    if (t !== undefined) for (const target of targets) bound.set(key(target.node, target.port), t);
  });
  const owner = scope.owner ?? node;
  const inner: Scope = {
    idPrefix: `${scope.idPrefix}${node.id}/`,
    namePrefix: `${scope.namePrefix}${node.label}/`,
    owner,
  };
  const produced = new Map<string, Tensor>();
  const before = run.diagnostics.length;
  runGraph(run, sub.nodes, sub.edges, bound, inner, produced);
  if (run.diagnostics.slice(before).some((d) => d.severity === 'error')) return undefined;
  const outs = sub.outputs.map((p) => produced.get(key(p.node, p.port)));
  if (outs.some((t) => t === undefined)) return undefined;
  return outs as Tensor[];
}
