import { msg } from '../message';
import { problem, type Diagnostic, type Problem } from '../diagnostics';
import type { ResolvedNode } from '../design/params';
import type { DesignNode } from '../design/design-types';
import type { OpKind } from '../kind-table';
import type { OpCost } from '../ops/op-types';
import { issueMessage } from '../document/issues';
import { settingProblems, shapeProblem } from '../limits';
import type { Shape } from '../shape';
import {
  expandCached,
  key,
  type AnalysisPass,
  type AnalyzeLevel,
  type Scope,
  type Tensor,
} from './pass-state';

/**
 * One node: an op becomes a layer; a block is expanded and its primitives analysed in place, by
 * `analyzeLevel` (the graph pass, handed in so that the two passes do not import each other).
 */
export function analyzeNode(
  pass: AnalysisPass,
  node: DesignNode,
  { def, parsed }: ResolvedNode,
  inputs: readonly (Tensor | undefined)[],
  shapes: Shape[],
  scope: Scope,
  report: (node: DesignNode, p: Problem, severity?: Diagnostic['severity']) => void,
  analyzeLevel: AnalyzeLevel,
): Tensor[] | undefined {
  if (def === undefined || parsed === undefined) {
    report(node, problem('unknownKind', msg('unknownKind', { kind: node.kind })));
    return undefined;
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 8)) {
      const field = issue.path.map(String).join('.');
      const said = issueMessage(issue);
      report(
        node,
        problem(
          'invalidParams',
          field === ''
            ? msg('invalidSettings', { issue: said })
            : msg('invalidSetting', { field, issue: said }),
          field,
        ),
      );
    }
    return undefined;
  }
  const params = parsed.data;
  const overLimits = settingProblems(params);
  if (overLimits.length > 0) {
    for (const p of overLimits)
      report(node, { key: 'overLimit', message: `${p.field}: ${p.message}.`, field: p.field });
    return undefined;
  }
  if ('op' in def) {
    const result = def.op.infer({ params, inputs: shapes });
    if (!result.ok) {
      for (const p of result.problems) report(node, p);
      return undefined;
    }
    for (const p of def.op.notes?.(params) ?? []) report(node, p, 'info');
    const outShapes = result.value;
    for (const [i, shape] of outShapes.entries()) {
      const problem = shapeProblem(shape);
      if (problem === undefined) continue;
      report(node, { key: 'overLimit', message: `Output ${i + 1}: ${problem}.`, field: `output ${i + 1}` });
      return undefined;
    }
    const inIds: number[] = [];
    for (const t of inputs) if (t !== undefined) inIds.push(t.id);
    const alias = def.op.view === true ? inIds[0] : undefined;
    const outTensors = outShapes.map((shape) =>
      alias === undefined ? pass.newTensor(shape) : { id: alias, shape },
    );
    const ctx = { params, inputs: shapes, outputs: outShapes };
    const cost: OpCost = def.op.cost(ctx);
    pass.layers.push({
      index: pass.layers.length,
      id: scope.idPrefix + node.id,
      nodeId: scope.owner?.id ?? node.id,
      name: scope.namePrefix + node.label,
      key: scope.owner === undefined ? node.id : scope.keyPrefix + node.label,
      op: node.kind as OpKind,
      block: scope.owner?.label,
      params,
      inputShapes: shapes,
      outputShapes: outShapes,
      inputTensors: inIds,
      outputTensors: outTensors.map((t) => t.id),
      cost,
      effective: def.op.effective?.(ctx),
      workspace: def.op.workspace?.(ctx) ?? 0,
    });
    return outTensors;
  }
  // A block: expand, then analyse its primitives with the block's inputs bound.
  if (inputs.some((t) => t === undefined)) {
    const missing = inputs.findIndex((t) => t === undefined);
    report(
      node,
      problem('unconnectedInput', msg('inputNotConnected', { n: missing + 1 }), `input ${missing + 1}`),
    );
    return undefined;
  }
  let expanded: ReturnType<typeof def.block.expand>;
  try {
    expanded = expandCached(def.block, params, shapes);
  } catch (e) {
    // A block that cannot build itself for these settings is a problem of this node, not a crash.
    report(
      node,
      problem(
        'invalidParams',
        msg('cannotBuildBlock', { reason: e instanceof Error ? e.message : String(e) }),
      ),
    );
    return undefined;
  }
  if (!expanded.ok) {
    for (const p of expanded.problems) report(node, p);
    return undefined;
  }
  for (const p of def.block.notes?.(params, shapes) ?? []) report(node, p, 'warning');
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
    keyPrefix: scope.owner === undefined ? `${node.id}/` : `${scope.keyPrefix}${node.label}/`,
    owner,
  };
  const before = pass.diagnostics.length;
  const level = analyzeLevel(pass, sub.nodes, sub.edges, bound, inner);
  if (pass.diagnostics.slice(before).some((d) => d.severity === 'error')) return undefined;
  const outs = sub.outputs.map((p) => level.produced[level.index.get(p.node) ?? -1]?.[p.port]);
  if (outs.some((t) => t === undefined)) return undefined;
  return outs as Tensor[];
}
