import { i18next } from '../i18n';
import type { Analysis } from '../core/analysis/analysis-types';
import type { ModuleGroup } from '../core/design/module-groups';
import type { Design } from '../core/design/design-types';
import { shapesText, type CardData } from './card-model';
import type { FlowNode, ModuleFrameNode, ShapeEdge } from './flow-types';
import { BLOCK_CARD_WIDTH, CARD_HEIGHT, CARD_WIDTH } from './sizes';

/** Around a group's members: a margin, and a header line above them (the layout leaves room). */
export const GROUP_PAD = 8;
export const GROUP_HEAD = 22;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const groupCardId = (path: string): string => `group:${path}`;
const union = (boxes: readonly Box[]): Box => {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return {
    x,
    y,
    w: Math.max(...boxes.map((b) => b.x + b.w)) - x,
    h: Math.max(...boxes.map((b) => b.y + b.h)) - y,
  };
};

/**
 * Module groups on the canvas: an open group is a frame behind its members with a header that
 * collapses it; a collapsed group is one card in place of its members (their costs summed, edges
 * rerouted to it), and what sits below it in the same column moves up into the freed room.
 * Returns the nodes and edges to show, and how far each top-level node moved.
 */
export function applyGroups(
  design: Design,
  analysis: Analysis,
  groups: readonly ModuleGroup[],
  collapsed: ReadonlySet<string>,
  nodes: readonly FlowNode[],
  edges: readonly ShapeEdge[],
): { nodes: FlowNode[]; edges: ShapeEdge[]; shifts: Map<string, number> } {
  const shifts = new Map<string, number>();
  if (groups.length === 0) return { nodes: [...nodes], edges: [...edges], shifts };
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const boxOf = (id: string): Box | undefined => {
    const n = byId.get(id);
    if (n === undefined || n.parentId !== undefined) return undefined;
    const w = n.width ?? n.measured?.width ?? (n.data.block === undefined ? CARD_WIDTH : BLOCK_CARD_WIDTH);
    const h = n.height ?? n.measured?.height ?? CARD_HEIGHT;
    return { x: n.position.x, y: n.position.y + (shifts.get(id) ?? 0), w, h };
  };
  // Collapsed groups that are not inside another collapsed group stand for all they hold.
  const shown = groups.filter((g) => collapsed.has(g.path));
  const outer = shown.filter((g) => !shown.some((o) => o !== g && g.path.startsWith(`${o.path}.`)));
  const hiddenBy = new Map<string, ModuleGroup>();
  for (const g of outer) for (const id of g.members) hiddenBy.set(id, g);
  const cards: FlowNode[] = [];
  const cardBoxes = new Map<string, Box>();
  // Top to bottom, so that the room one group frees moves the groups below it first.
  const order = outer
    .map((g) => ({ g, box: union(g.members.flatMap((id) => boxOf(id) ?? [])) }))
    .sort((a, b) => a.box.y - b.box.y);
  for (const { g } of order) {
    const box = union(g.members.flatMap((id) => boxOf(id) ?? []));
    const card = { x: box.x, y: box.y, w: BLOCK_CARD_WIDTH, h: CARD_HEIGHT };
    cardBoxes.set(g.path, card);
    const freed = box.h - card.h;
    if (freed > 0)
      for (const n of design.nodes) {
        if (hiddenBy.has(n.id)) continue;
        const b = boxOf(n.id);
        if (b === undefined || b.y <= box.y || b.x >= box.x + box.w || b.x + b.w <= box.x) continue;
        shifts.set(n.id, (shifts.get(n.id) ?? 0) - freed);
      }
    cards.push(groupCard(g, analysis, design, card));
  }
  // Frames of open groups, innermost first, so that an outer frame wraps the inner ones.
  const frames = new Map<string, Box>();
  const frameNodes: ModuleFrameNode[] = [];
  for (const g of [...groups].sort((a, b) => b.depth - a.depth)) {
    if (collapsed.has(g.path) || g.members.some((id) => isInside(hiddenBy.get(id), g))) continue;
    const parts: Box[] = [];
    for (const id of g.members) {
      const by = hiddenBy.get(id);
      const b = by === undefined ? boxOf(id) : cardBoxes.get(by.path);
      if (b !== undefined) parts.push(b);
    }
    for (const inner of groups)
      if (inner.path.startsWith(`${g.path}.`)) {
        const f = frames.get(inner.path);
        if (f !== undefined) parts.push(f);
      }
    if (parts.length === 0) continue;
    const u = union(parts);
    const frame = {
      x: u.x - GROUP_PAD,
      y: u.y - GROUP_PAD - GROUP_HEAD,
      w: u.w + 2 * GROUP_PAD,
      h: u.h + 2 * GROUP_PAD + GROUP_HEAD,
    };
    frames.set(g.path, frame);
    frameNodes.push({
      id: `frame:${g.path}`,
      type: 'moduleframe',
      position: { x: frame.x, y: frame.y },
      data: { path: g.path, count: g.members.length },
      width: frame.w,
      height: frame.h,
      zIndex: -20 + g.depth,
      selectable: false,
      draggable: false,
      connectable: false,
      deletable: false,
      focusable: false,
      style: { pointerEvents: 'none' },
    });
  }
  const out: FlowNode[] = [...frameNodes.sort((a, b) => a.zIndex - b.zIndex)];
  for (const n of nodes) {
    const top = n.parentId ?? n.id;
    if (hiddenBy.has(top)) continue;
    const dy = shifts.get(top) ?? 0;
    out.push(
      dy === 0 || n.parentId !== undefined
        ? n
        : { ...n, position: { x: n.position.x, y: n.position.y + dy } },
    );
  }
  out.push(...cards);
  const ends = (id: string): string | undefined => {
    const top = id.includes('/') ? id.slice(0, id.indexOf('/')) : id;
    const g = hiddenBy.get(top);
    return g === undefined ? undefined : groupCardId(g.path);
  };
  const seen = new Set<string>();
  const routed: ShapeEdge[] = [];
  for (const e of edges) {
    const s = ends(e.source);
    const t = ends(e.target);
    if (s === undefined && t === undefined) {
      routed.push(e);
      continue;
    }
    if (s !== undefined && s === t) continue;
    const next = {
      ...e,
      source: s ?? e.source,
      sourceHandle: s === undefined ? e.sourceHandle : 'out-0',
      target: t ?? e.target,
      targetHandle: t === undefined ? e.targetHandle : 'in-0',
    };
    const key = `${next.source}>${next.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routed.push({ ...next, selectable: false, deletable: false });
  }
  return { nodes: out, edges: routed, shifts };
}

const isInside = (g: ModuleGroup | undefined, of: ModuleGroup): boolean =>
  g !== undefined && (g.path === of.path || of.path.startsWith(`${g.path}.`));

/** A collapsed group as a card: its path, how many nodes it holds, their costs summed. */
function groupCard(g: ModuleGroup, analysis: Analysis, design: Design, box: Box): FlowNode {
  const inGroup = new Set(g.members);
  let params = 0;
  let multiplyAdds = 0;
  for (const id of g.members) {
    const c = analysis.nodes.get(id)?.cost;
    params += c?.params ?? 0;
    multiplyAdds += c?.multiplyAdds ?? 0;
  }
  // The group's output: the last member read from outside (or the last member).
  const exits = g.members.filter((id) =>
    design.edges.some((e) => e.from.node === id && !inGroup.has(e.to.node)),
  );
  const last = exits.at(-1) ?? g.members.at(-1) ?? '';
  const data: CardData = {
    label: g.path,
    look: {
      stripe: 'block',
      title: i18next.t('module.title'),
      summary: i18next.t('module.nodes', { count: g.members.length }),
    },
    shape: shapesText(analysis.nodes.get(last)?.outputShapes),
    multiplyAdds,
    params,
    problem: undefined,
    inputs: 1,
    outputs: 1,
    block: undefined,
    inner: false,
  };
  return {
    id: groupCardId(g.path),
    type: 'groupcard',
    position: { x: box.x, y: box.y },
    data,
    width: box.w,
    height: box.h,
    draggable: false,
    connectable: false,
    deletable: false,
    ariaLabel: i18next.t('module.collapsed', { path: g.path }),
  };
}
