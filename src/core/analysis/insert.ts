import { isBlockKind } from '../kinds';
import type { Diagnostic, DiagnosticKey } from '../diagnostics';
import { addNode } from '../design/edit';
import { spliceAfter } from '../design/splice';
import type { Design, DesignNode, NodeKind, PortRef, Position } from '../design/design-types';
import { analyze } from './analyze';
import { msg, problemMessage, type Message } from '../message';
import type { Analysis } from './analysis-types';

type Params = Readonly<Record<string, unknown>>;

/** Kinds whose width is `outChannels` and whose stride 1 keeps the shape (units, stages, convs). */
const hasWidth = (params: Params): boolean => typeof params.outChannels === 'number';

/**
 * Settings for a node placed after output `from`, read off the wire (a node editor's "smart
 * defaults"): a unit after a unit of its kind takes that unit's settings at stride 1 (the rest of
 * a stage keeps the shape); a unit or a conv on a feature map takes the incoming width, so the
 * insertion keeps the shape and what follows still fits. An image (4 channels or fewer) is not a
 * width to keep: a conv on it keeps its own default.
 */
export function paramsFromWire(
  design: Design,
  analysis: Analysis,
  kind: NodeKind,
  params: Params,
  from: PortRef,
): Params {
  const prev = design.nodes.find((n) => n.id === from.node);
  if (prev !== undefined && prev.kind === kind && isBlockKind(kind)) {
    const p = { ...(prev.params as Params) };
    if (typeof p.stride === 'number') p.stride = 1;
    return p;
  }
  const shape = analysis.nodes.get(from.node)?.outputShapes?.[from.port];
  const c = shape?.length === 4 ? shape[1] : undefined;
  if (c === undefined || c <= 4 || !hasWidth(params)) return params;
  if (kind === 'Conv2d') return (params.groups as number) > 1 ? params : { ...params, outChannels: c };
  const stride = params.stride;
  return stride === undefined || stride === 1 ? { ...params, outChannels: c } : params;
}

/** A one-step repair offered when a new node cannot join the wire. */
export interface Fix {
  /** What the button says: "Take 24 channels from the wire". */
  readonly label: string;
  /** The same words as a message, for a UI that translates them. */
  readonly text: Message;
  /** The design with the repair made (and the node wired in). */
  readonly design: Design;
}

export interface Placement {
  readonly design: Design;
  readonly nodeId: string;
  /** Why the node could not be wired in (it is then left unconnected beside the wire). */
  readonly refused: string | undefined;
  /** The same reason as the diagnostic it is, for a UI that translates it. */
  readonly problem: Diagnostic | undefined;
  readonly fixes: readonly Fix[];
  /** Problems the insertion caused further down (a wider tensor reaching a residual add). */
  readonly downstream: readonly Diagnostic[];
}

const ignorable: ReadonlySet<DiagnosticKey> = new Set<DiagnosticKey>(['upstreamError', 'deadEnd']);
const errorsAt = (a: Analysis, id: string): Diagnostic[] =>
  (a.nodes.get(id)?.diagnostics ?? []).filter((d) => d.severity === 'error' && !ignorable.has(d.key));

/** A design where every node fits, or the first error at `id`. */
function firstError(design: Design, id: string): Diagnostic | undefined {
  return errorsAt(analyze(design), id)[0];
}

const fixSaid = (m: Message): { label: string; text: Message } => {
  const t = problemMessage(m);
  return { label: t.message, text: t.text };
};

function fixesFor(
  unwired: Design,
  analysis: Analysis,
  node: DesignNode,
  from: PortRef,
  problem: Diagnostic,
  wire: (d: Design, from: PortRef) => Design,
  position: Position,
  only: string | undefined,
): Fix[] {
  const fixes: Fix[] = [];
  const shape = analysis.nodes.get(from.node)?.outputShapes?.[from.port];
  const params = node.params as Params;
  const c = shape?.length === 4 ? shape[1] : undefined;
  if (c !== undefined && hasWidth(params) && params.outChannels !== c) {
    const patch: Record<string, unknown> = { outChannels: c };
    if (typeof params.groups === 'number' && params.groups > 1 && params.groups === params.outChannels)
      patch.groups = c;
    const design = wire(
      {
        ...unwired,
        nodes: unwired.nodes.map((n) =>
          n.id === node.id ? ({ ...n, params: { ...n.params, ...patch } } as DesignNode) : n,
        ),
      },
      from,
    );
    if (firstError(design, node.id) === undefined)
      fixes.push({ ...fixSaid(msg('fixTakeChannels', { channels: c })), design });
  }
  if (problem.key === 'wrongRank' && shape !== undefined && shape.length > 2) {
    const flat = addNode(unwired, 'Flatten', position);
    const withFlatten = spliceAfter(flat.design, from, flat.nodeId, false, only);
    const design = wire(withFlatten, { node: flat.nodeId, port: 0 });
    if (firstError(design, node.id) === undefined) fixes.push({ ...fixSaid(msg('fixFlattenFirst')), design });
  }
  return fixes;
}

/**
 * Adds a node after output `from` and wires it into the wires leaving there (only into `wire`
 * when one is named, a drop on that wire; or beside them, as a branch). When the node cannot take what the wire carries, it is left unconnected and the reason
 * comes back with the repairs that would make it fit.
 */
export function insertAfter(
  design: Design,
  kind: NodeKind,
  position: Position,
  from: PortRef,
  options: { params?: DesignNode['params']; label?: string; branch?: boolean; wire?: string } = {},
): Placement {
  const added = addNode(
    design,
    kind,
    position,
    options.label === undefined ? { ...(options.params && { params: options.params }) } : options,
  );
  const id = added.nodeId;
  const branch = options.branch === true;
  const wire = (d: Design, at: PortRef): Design => spliceAfter(d, at, id, branch, options.wire);
  const before = analyze(design);
  const wired = wire(added.design, from);
  const after = analyze(wired);
  const problem = errorsAt(after, id)[0];
  const node = added.design.nodes.find((n) => n.id === id) as DesignNode;
  if (problem !== undefined)
    return {
      design: added.design,
      nodeId: id,
      refused: problem.message,
      problem,
      fixes: fixesFor(added.design, before, node, from, problem, wire, position, options.wire),
      downstream: [],
    };
  const old = new Set(before.diagnostics.map((d) => `${d.nodeId ?? ''}|${d.message}`));
  const downstream = after.diagnostics.filter(
    (d) =>
      d.severity === 'error' &&
      d.nodeId !== id &&
      d.key !== 'upstreamError' &&
      !old.has(`${d.nodeId ?? ''}|${d.message}`),
  );
  return { design: wired, nodeId: id, refused: undefined, problem: undefined, fixes: [], downstream };
}
