import type { NodeHandle } from '@xyflow/react';
import type { Analysis } from '../core/analysis/analysis-types';
import type { Design, DesignNode, Position } from '../core/design/design-types';
import { elements, formatShape, type Shape } from '../core/shape';
import { expandInPlace, type InnerView } from './block-view';
import { designCard, sameCard, type CardData } from './card-model';
import type { FlowNode, FrameData, ShapeEdge, Size } from './flow-types';
import { applyGroups } from './group-view';
import { moduleGroups, type ModuleGroup } from '../core/design/module-groups';
import { reflow, type ReflowBox } from './reflow';
import { cardHandles } from './card-handles';
import { fillText } from '../i18n/text-template';
import { BLOCK_CARD_WIDTH, CARD_HEIGHT, CARD_WIDTH, PROBLEM_LINE } from './sizes';

export interface ViewInput {
  readonly design: Design;
  readonly analysis: Analysis;
  readonly openBlocks: ReadonlySet<string>;
  /** Module groups shown collapsed, by path. */
  readonly collapsedGroups?: ReadonlySet<string>;
  readonly selectedNodes: ReadonlySet<string>;
  readonly selectedEdges: ReadonlySet<string>;
  /** Positions of nodes being dragged right now (screen layout, offsets included). */
  readonly dragging: ReadonlyMap<string, Position>;
  readonly measured: ReadonlyMap<string, Size>;
  /** The wire a palette item being dragged would go into if dropped now. */
  readonly dropWire?: string | undefined;
}

export interface View {
  readonly nodes: FlowNode[];
  readonly edges: ShapeEdge[];
  /** How far each top-level node is moved down by open blocks above it (up: collapsed groups). */
  readonly offsets: ReadonlyMap<string, number>;
}

const closedHeight = (d: CardData): number => CARD_HEIGHT + (d.problem === undefined ? 0 : PROBLEM_LINE);
const closedWidth = (d: CardData): number => (d.block === undefined ? CARD_WIDTH : BLOCK_CARD_WIDTH);

/** The sizes of cards not yet drawn, one object per size: the flow model's nodes stay the same objects. */
const unseenSizes = new Map<string, Size>();
function unseenSize(d: CardData): Size {
  const width = closedWidth(d);
  const height = closedHeight(d);
  const key = `${String(width)}x${String(height)}`;
  let size = unseenSizes.get(key);
  if (size === undefined) {
    size = { width, height };
    unseenSizes.set(key, size);
  }
  return size;
}

/**
 * A top-level card's size and ports, stated rather than left to React Flow to measure: as measured
 * once it has been drawn, else as it will be. Given them, React Flow culls a card while it is off
 * screen (it draws every card it knows no ports of), and fits the view to all cards (it fits only
 * cards of known size). Ports are stated afresh from the card: React Flow keeps the ports it
 * measured under a node's id, and an id comes back when another design opens (n3 was an Output, is
 * now a BatchNorm).
 */
function cardPlacement(d: CardData, measured: Size | undefined): { measured: Size; handles: NodeHandle[] } {
  const size = measured ?? unseenSize(d);
  return { measured: size, handles: cardHandles(d.inputs, d.outputs, size) };
}

/** Open blocks are taller than their cards: everything below one moves down by the difference. */
export function openOffsets(
  design: Design,
  frames: ReadonlyMap<string, { extra: number; y: number }>,
): Map<string, number> {
  const offsets = new Map<string, number>();
  const opened = [...frames.values()];
  for (const n of design.nodes) {
    let dy = 0;
    for (const f of opened) if (f.y < n.position.y) dy += f.extra;
    offsets.set(n.id, dy);
  }
  return offsets;
}

/**
 * Turns the design and its analysis into React Flow nodes and edges. Keeps the objects of the last
 * build where nothing changed, so React Flow re-renders only what moved or changed.
 */
export class FlowModel {
  private cards = new Map<string, CardData>();
  private nodes = new Map<string, FlowNode>();
  private edges = new Map<string, ShapeEdge>();
  private frames = new Map<DesignNode, { analysis: Analysis; view: InnerView }>();
  private groups: { design: Design; groups: ModuleGroup[] } | undefined;

  build(input: ViewInput): View {
    const { design, analysis, openBlocks } = input;
    const nextCards = new Map<string, CardData>();
    const card = (id: string, data: CardData): CardData => {
      const prev = this.cards.get(id);
      const kept = prev !== undefined && sameCard(prev, data) ? prev : data;
      nextCards.set(id, kept);
      return kept;
    };

    const views = new Map<string, InnerView>();
    const frameBoxes = new Map<string, { extra: number; y: number }>();
    for (const n of design.nodes) {
      if (!openBlocks.has(n.id)) continue;
      const view = this.innerView(n, analysis);
      views.set(n.id, view);
      const closed = closedHeight(designCard(n, analysis.nodes.get(n.id), false));
      frameBoxes.set(n.id, { extra: view.height - closed, y: n.position.y });
    }
    const offsets = openOffsets(design, frameBoxes);

    const nodes: FlowNode[] = [];
    const reuse = (next: FlowNode): FlowNode => {
      const prev = this.nodes.get(next.id);
      const same =
        prev !== undefined &&
        prev.type === next.type &&
        prev.data === next.data &&
        prev.position.x === next.position.x &&
        prev.position.y === next.position.y &&
        prev.selected === next.selected &&
        prev.measured === next.measured &&
        prev.width === next.width &&
        prev.height === next.height;
      return same ? prev : next;
    };
    for (const n of design.nodes) {
      const info = analysis.nodes.get(n.id);
      const view = views.get(n.id);
      const data = card(n.id, designCard(n, info, view !== undefined));
      const position = input.dragging.get(n.id) ?? {
        x: n.position.x,
        y: n.position.y + (offsets.get(n.id) ?? 0),
      };
      const selected = input.selectedNodes.has(n.id);
      if (view === undefined) {
        const measured = input.measured.get(n.id);
        nodes.push(
          reuse({
            id: n.id,
            type: 'card',
            position,
            data,
            selected,
            ariaLabel: n.label,
            ...cardPlacement(data, measured),
          }),
        );
        continue;
      }
      const frameData = card(`${n.id}#frame`, {
        ...data,
        message: view.message,
        innerInputs: data.inputs,
        innerOutputs: data.outputs,
      });
      const size = { width: view.width, height: view.height };
      nodes.push(
        reuse({
          id: n.id,
          type: 'frame',
          position,
          data: frameData as FrameData,
          selected,
          width: size.width,
          height: size.height,
          measured: size,
          ariaLabel: n.label,
        }),
      );
      for (const c of view.cards)
        nodes.push(
          reuse({
            id: c.id,
            type: 'card',
            parentId: n.id,
            position: c.position,
            data: card(c.id, c.data),
            selected: input.selectedNodes.has(c.id),
            draggable: false,
            connectable: false,
            deletable: false,
            measured: input.measured.get(c.id),
            ariaLabel: c.data.label,
          }),
        );
    }
    this.cards = nextCards;
    const placed = this.reflowed(nodes, input);
    this.nodes = new Map(placed.map((n) => [n.id, n]));
    const edges = this.buildEdges(input, views);
    if (this.groups?.design !== design) this.groups = { design, groups: moduleGroups(design) };
    if (this.groups.groups.length === 0) return { nodes: placed, edges, offsets };
    const grouped = applyGroups(
      design,
      analysis,
      this.groups.groups,
      input.collapsedGroups ?? new Set(),
      placed,
      edges,
    );
    for (const [id, dy] of grouped.shifts) offsets.set(id, (offsets.get(id) ?? 0) + dy);
    return { nodes: grouped.nodes, edges: grouped.edges, offsets };
  }

  /**
   * Cards taller than the layout allowed for (a run's times, hints, a problem line) push the cards
   * below them down on screen, so that no card covers another and no port lies on another's port.
   * Cards being dragged follow the pointer and push nothing.
   */
  private reflowed(nodes: FlowNode[], input: ViewInput): FlowNode[] {
    const boxes: ReflowBox[] = [];
    for (const n of nodes) {
      if (n.parentId !== undefined || input.dragging.has(n.id)) continue;
      if (n.type === 'frame') {
        const size = { width: n.width ?? 0, height: n.height ?? 0 };
        boxes.push({ id: n.id, position: n.position, ...size, laidOut: size.height });
      } else if (n.type === 'card') {
        const seen = input.measured.get(n.id);
        const width = seen?.width ?? closedWidth(n.data);
        const height = seen?.height ?? closedHeight(n.data);
        boxes.push({ id: n.id, position: n.position, width, height, laidOut: CARD_HEIGHT });
      }
    }
    const moved = reflow(boxes);
    if (moved.size === 0) return nodes;
    return nodes.map((n) => {
      const to = moved.get(n.id);
      if (to === undefined) return n;
      const prev = this.nodes.get(n.id);
      // The same card at the same place as last time: React Flow sees no change.
      return prev !== undefined &&
        prev.data === n.data &&
        prev.selected === n.selected &&
        prev.measured === n.measured &&
        prev.position.x === to.x &&
        prev.position.y === to.y
        ? prev
        : { ...n, position: to };
    });
  }

  private innerView(node: DesignNode, analysis: Analysis): InnerView {
    const cached = this.frames.get(node);
    if (cached?.analysis === analysis) return cached.view;
    const view = expandInPlace(node, analysis);
    this.frames.set(node, { analysis, view });
    return view;
  }

  private buildEdges(input: ViewInput, views: ReadonlyMap<string, InnerView>): ShapeEdge[] {
    const raw: {
      id: string;
      source: string;
      sourceHandle: string;
      target: string;
      targetHandle: string;
      shape: Shape | undefined;
      inner: boolean;
    }[] = [];
    for (const e of input.design.edges) {
      const out = input.analysis.nodes.get(e.from.node)?.outputShapes?.[e.from.port];
      raw.push({
        id: e.id,
        source: e.from.node,
        sourceHandle: `out-${e.from.port}`,
        target: e.to.node,
        targetHandle: `in-${e.to.port}`,
        shape: out,
        inner: false,
      });
    }
    for (const view of views.values()) for (const e of view.edges) raw.push({ ...e, inner: true });
    // Edges are announced by the names on the cards, never by internal ids.
    const names = new Map(input.design.nodes.map((n) => [n.id, n.label]));
    for (const view of views.values()) for (const c of view.cards) names.set(c.id, c.data.label);
    const nameOf = (id: string): string => names.get(id) ?? id;
    const sizes = raw.map((e) => (e.shape === undefined ? 0 : elements(e.shape))).filter((s) => s > 0);
    const lo = Math.log(Math.min(...sizes, Infinity));
    const hi = Math.log(Math.max(...sizes, 1));
    const edges = raw.map((e): ShapeEdge => {
      const size = e.shape === undefined ? 0 : elements(e.shape);
      const weight = size === 0 || hi <= lo ? 0.3 : (Math.log(size) - lo) / (hi - lo);
      const shape = e.shape === undefined ? undefined : formatShape(e.shape);
      const selected = input.selectedEdges.has(e.id);
      const dropTarget = !e.inner && input.dropWire === e.id;
      // Wires are no tab stops of their own (they would come before every card): a wire of the
      // selected card is one, reached by Shift+Tab from it, so it can still be selected and deleted.
      const focusable =
        !e.inner && (selected || input.selectedNodes.has(e.source) || input.selectedNodes.has(e.target));
      const ends = { from: nameOf(e.source), to: nameOf(e.target) };
      const ariaLabel =
        shape === undefined
          ? fillText('canvas:edge', ends)
          : fillText('canvas:edgeShape', { ...ends, shape });
      const prev = this.edges.get(e.id);
      if (
        prev?.data !== undefined &&
        prev.source === e.source &&
        prev.target === e.target &&
        prev.sourceHandle === e.sourceHandle &&
        prev.targetHandle === e.targetHandle &&
        prev.data.shape === shape &&
        Math.abs(prev.data.weight - weight) < 0.01 &&
        prev.selected === selected &&
        prev.data.dropTarget === dropTarget &&
        prev.focusable === focusable &&
        prev.ariaLabel === ariaLabel
      )
        return prev;
      return {
        id: e.id,
        type: 'shape',
        source: e.source,
        sourceHandle: e.sourceHandle,
        target: e.target,
        targetHandle: e.targetHandle,
        selected,
        focusable,
        ariaLabel,
        selectable: !e.inner,
        deletable: !e.inner,
        data: { shape, weight, elements: size, inner: e.inner, dropTarget },
      };
    });
    this.edges = new Map(edges.map((e) => [e.id, e]));
    return edges;
  }
}
