import { diagnostic, type Diagnostic, type Problem, type Result } from '../diagnostics';
import type { AnyBlockDef } from '../blocks/types';
import type { Subgraph } from '../graph/subgraph';
import { orderIndices } from '../graph/topo';
import type { Design, DesignNode, Edge } from '../graph/types';
import type { OpKind } from '../layers/registry';
import { resolveNode, type ResolvedNode } from '../graph/params';
import { zeroCost, type OpCost } from '../layers/types';
import { elements, type Shape } from '../shape';
import { activationMemory } from './activations';
import { addCost, sumCosts } from './cost-sum';
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
const noDiagnostics: readonly Diagnostic[] = [];

// A block's expansion is a pure function of its (immutable) params object and its input shapes, so
// it is kept until the params object is dropped: after an edit only the touched block is rebuilt.
const expansions = new WeakMap<object, Map<string, Result<Subgraph>>>();

function expandCached(block: AnyBlockDef, params: object, shapes: readonly Shape[]): Result<Subgraph> {
  let byShape = expansions.get(params);
  if (byShape === undefined) {
    byShape = new Map();
    expansions.set(params, byShape);
  }
  const key = shapes.map((s) => s.join('x')).join(',');
  let r = byShape.get(key);
  if (r === undefined) {
    r = block.expand(params, shapes);
    byShape.set(key, r);
  }
  return r;
}

/** Shapes, costs, diagnostics and activation memory of a design: a pure function of it. */
export function analyze(design: Design): Analysis {
  const run = new Run();
  const { order } = runGraph(run, design.nodes, design.edges, new Map(), {
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

/** What one graph level produced: each node's output tensors, by the node's index. */
interface LevelResult {
  readonly order: string[];
  readonly index: ReadonlyMap<string, number>;
  readonly produced: readonly (readonly Tensor[] | undefined)[];
}

/**
 * Analyses one graph level in topological order. `bound` gives the tensors arriving at input ports
 * from outside (a block's inputs), keyed "nodeId:port". Works on node indices, not id strings,
 * so a 10,000-op design stays fast.
 */
function runGraph(
  run: Run,
  nodes: readonly DesignNode[],
  edges: readonly Edge[],
  bound: ReadonlyMap<string, Tensor>,
  scope: Scope,
): LevelResult {
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n.id, i));
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

  const resolved = nodes.map(resolveNode);
  const inCounts = resolved.map((r) => r.inputCount);
  const outCounts = resolved.map((r) => r.outputCount);
  // incoming[i][port]: the source (node index, port) feeding that input, or a bound outer tensor.
  type Source = { node: number; port: number } | Tensor | undefined;
  const incoming: Source[][] = inCounts.map((c) => new Array<Source>(c));
  for (const [k, t] of bound) {
    const sep = k.lastIndexOf(':');
    const i = index.get(k.slice(0, sep));
    if (i !== undefined) (incoming[i] as unknown[])[Number(k.slice(sep + 1))] = t;
  }
  // Edges: drop those that point nowhere or double up on an input, saying so.
  const from: number[] = [];
  const to: number[] = [];
  for (const e of edges) {
    const f = index.get(e.from.node);
    const t = index.get(e.to.node);
    if (
      f === undefined ||
      t === undefined ||
      e.from.port >= (outCounts[f] ?? 0) ||
      e.to.port >= (inCounts[t] ?? 0)
    ) {
      report(
        nodes[t ?? f ?? -1],
        {
          key: 'danglingEdge',
          message: `A connection points to a port that does not exist (${e.from.node}:${e.from.port} → ${e.to.node}:${e.to.port}); it is ignored.`,
        },
        'warning',
      );
      continue;
    }
    const slots = incoming[t] as unknown[];
    if (slots[e.to.port] !== undefined) {
      report(nodes[t], {
        key: 'duplicateInputEdge',
        message: `Input ${e.to.port + 1} has more than one connection; only the first is used.`,
        field: `input ${e.to.port + 1}`,
      });
      continue;
    }
    slots[e.to.port] = { node: f, port: e.from.port };
    from.push(f);
    to.push(t);
  }

  const topo = orderIndices(nodes.length, from, to);
  for (const i of topo.cyclic)
    report(nodes[i], {
      key: 'cycle',
      message:
        'This node is on a cycle: a network must flow one way. Remove one of the connections that loop back.',
    });
  for (const i of topo.blocked)
    if (!topo.cyclic.has(i))
      report(
        nodes[i],
        { key: 'upstreamError', message: 'Comes after a cycle, so its shape is unknown.' },
        'info',
      );

  const produced = new Array<readonly Tensor[] | undefined>(nodes.length);
  for (const i of topo.order) {
    const node = nodes[i] as DesignNode;
    const layerStart = run.layers.length;
    const diagStart = run.diagnostics.length;
    const slots = incoming[i] ?? [];
    const inputs: (Tensor | undefined)[] = [];
    let upstreamMissing = false;
    for (let port = 0; port < slots.length; port++) {
      const src = slots[port];
      if (src === undefined || 'id' in src) {
        inputs.push(src);
        continue;
      }
      const t = produced[src.node]?.[src.port];
      if (t === undefined) upstreamMissing = true;
      inputs.push(t);
    }
    const shapes = inputs.map((t) => t?.shape) as Shape[];
    let outputs: readonly Tensor[] | undefined;
    if (upstreamMissing)
      report(
        node,
        {
          key: 'upstreamError',
          message: 'An earlier node has a problem, so this one cannot be analysed yet.',
        },
        'info',
      );
    else outputs = runNode(run, node, resolved[i] as ResolvedNode, inputs, shapes, scope, report);
    produced[i] = outputs;
    if (scope.owner === undefined) {
      // One layer (most nodes): its cost object as it is; a block: the sum of its primitives.
      let cost = run.layers.length === layerStart + 1 ? (run.layers[layerStart] as LayerInfo).cost : zeroCost;
      if (run.layers.length > layerStart + 1)
        for (let l = layerStart; l < run.layers.length; l++)
          cost = addCost(cost, (run.layers[l] as LayerInfo).cost);
      run.nodes.set(node.id, {
        nodeId: node.id,
        inputShapes: shapes,
        outputShapes: outputs?.map((t) => t.shape),
        cost,
        layers: [layerStart, run.layers.length],
        diagnostics:
          diagStart === run.diagnostics.length
            ? noDiagnostics
            : run.diagnostics.slice(diagStart).filter((d) => d.nodeId === node.id),
      });
    }
  }
  if (scope.owner === undefined) {
    for (const i of topo.blocked) {
      const id = (nodes[i] as DesignNode).id;
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
  return { order: topo.order.map((i) => (nodes[i] as DesignNode).id), index, produced };
}

function runNode(
  run: Run,
  node: DesignNode,
  { def, parsed }: ResolvedNode,
  inputs: readonly (Tensor | undefined)[],
  shapes: Shape[],
  scope: Scope,
  report: (node: DesignNode, p: Problem, severity?: Diagnostic['severity']) => void,
): Tensor[] | undefined {
  if (def === undefined || parsed === undefined) {
    report(node, { key: 'unknownKind', message: `Unknown node kind "${node.kind}".` });
    return undefined;
  }
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
  if ('op' in def) {
    const result = def.op.infer({ params, inputs: shapes });
    if (!result.ok) {
      for (const p of result.problems) report(node, p);
      return undefined;
    }
    for (const p of def.op.notes?.(params) ?? []) report(node, p, 'info');
    const outShapes = result.value;
    const inIds: number[] = [];
    for (const t of inputs) if (t !== undefined) inIds.push(t.id);
    const alias = def.op.view === true ? inIds[0] : undefined;
    const outTensors = outShapes.map((shape) =>
      alias === undefined ? run.newTensor(shape) : { id: alias, shape },
    );
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
      inputTensors: inIds,
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
  let expanded: ReturnType<typeof def.block.expand>;
  try {
    expanded = expandCached(def.block, params, shapes);
  } catch (e) {
    // A block that cannot build itself for these settings is a problem of this node, not a crash.
    report(node, {
      key: 'invalidParams',
      message: `Cannot build this block: ${e instanceof Error ? e.message : String(e)}`,
    });
    return undefined;
  }
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
  const before = run.diagnostics.length;
  const level = runGraph(run, sub.nodes, sub.edges, bound, inner);
  if (run.diagnostics.slice(before).some((d) => d.severity === 'error')) return undefined;
  const outs = sub.outputs.map((p) => level.produced[level.index.get(p.node) ?? -1]?.[p.port]);
  if (outs.some((t) => t === undefined)) return undefined;
  return outs as Tensor[];
}
