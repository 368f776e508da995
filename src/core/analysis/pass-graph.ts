import { msg } from '../message';
import { diagnostic, problem, type Diagnostic, type Problem } from '../diagnostics';
import { resolveNode, type ResolvedNode } from '../design/params';
import { orderIndices } from '../design/topo';
import type { DesignNode, Edge } from '../design/design-types';
import { zeroCost } from '../ops/op-types';
import type { Shape } from '../shape';
import { addCost } from './cost-sum';
import { analyzeNode } from './pass-node';
import { noDiagnostics, type AnalysisPass, type LevelResult, type Scope, type Tensor } from './pass-state';

import type { LayerInfo } from './analysis-types';

/**
 * Analyses one graph level in topological order. `bound` gives the tensors arriving at input ports
 * from outside (a block's inputs), keyed "nodeId:port". Works on node indices, not id strings,
 * so a 10,000-op design stays fast.
 */
export function analyzeGraph(
  pass: AnalysisPass,
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
    const where: { nodeId?: string; field?: string; path?: string } = {};
    if (owner !== undefined) where.nodeId = owner.id;
    if (p.field !== undefined && scope.owner === undefined) where.field = p.field;
    if (scope.owner !== undefined && node !== undefined)
      where.path = (scope.keyPrefix + node.label).slice(scope.owner.id.length + 1);
    // A keyed sentence inside a block keeps its key; the primitive it is about is said apart (`within`).
    const within = inner === '' || node === undefined ? {} : { within: node.label };
    const said = p.text === undefined ? {} : { text: p.text, ...within };
    pass.diagnostics.push({ ...diagnostic(p.key, inner + p.message, where, severity), ...said });
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
        problem(
          'danglingEdge',
          msg('noSuchPort', { from: `${e.from.node}:${e.from.port}`, to: `${e.to.node}:${e.to.port}` }),
        ),
        'warning',
      );
      continue;
    }
    const slots = incoming[t] as unknown[];
    if (slots[e.to.port] !== undefined) {
      report(
        nodes[t],
        problem('duplicateInputEdge', msg('inputWiredTwice', { n: e.to.port + 1 }), `input ${e.to.port + 1}`),
      );
      continue;
    }
    slots[e.to.port] = { node: f, port: e.from.port };
    from.push(f);
    to.push(t);
  }

  const topo = orderIndices(nodes.length, from, to);
  for (const i of topo.cyclic) report(nodes[i], problem('cycle', msg('onCycle')));
  for (const i of topo.blocked)
    if (!topo.cyclic.has(i)) report(nodes[i], problem('upstreamError', msg('afterCycle')), 'info');

  const produced = new Array<readonly Tensor[] | undefined>(nodes.length);
  for (const i of topo.order) {
    const node = nodes[i] as DesignNode;
    const layerStart = pass.layers.length;
    const diagStart = pass.diagnostics.length;
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
    if (upstreamMissing) report(node, problem('upstreamError', msg('upstreamProblem')), 'info');
    else
      outputs = analyzeNode(
        pass,
        node,
        resolved[i] as ResolvedNode,
        inputs,
        shapes,
        scope,
        report,
        analyzeGraph,
      );
    produced[i] = outputs;
    if (scope.owner === undefined) {
      // One layer (most nodes): its cost object as it is; a block: the sum of its primitives.
      let cost =
        pass.layers.length === layerStart + 1 ? (pass.layers[layerStart] as LayerInfo).cost : zeroCost;
      if (pass.layers.length > layerStart + 1)
        for (let l = layerStart; l < pass.layers.length; l++)
          cost = addCost(cost, (pass.layers[l] as LayerInfo).cost);
      pass.nodes.set(node.id, {
        nodeId: node.id,
        inputShapes: shapes,
        outputShapes: outputs?.map((t) => t.shape),
        cost,
        layers: [layerStart, pass.layers.length],
        diagnostics:
          diagStart === pass.diagnostics.length
            ? noDiagnostics
            : pass.diagnostics.slice(diagStart).filter((d) => d.nodeId === node.id),
      });
    }
  }
  if (scope.owner === undefined) {
    for (const i of topo.blocked) {
      const id = (nodes[i] as DesignNode).id;
      pass.nodes.set(id, {
        nodeId: id,
        inputShapes: [],
        outputShapes: undefined,
        cost: zeroCost,
        layers: [pass.layers.length, pass.layers.length],
        diagnostics: pass.diagnostics.filter((d) => d.nodeId === id),
      });
    }
  }
  return { order: topo.order.map((i) => (nodes[i] as DesignNode).id), index, produced };
}
