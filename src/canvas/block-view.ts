import type { Analysis, LayerInfo } from '../core/analysis/analysis-types';
import { sayFirst } from '../i18n/say';
import { blockRegistry, type BlockKind } from '../core/kinds';
import type { Subgraph } from '../core/design/subgraph';
import { rankLayout } from '../core/design/rank-layout';
import type { DesignNode, Position } from '../core/design/design-types';
import { zeroCost } from '../core/ops/op-types';
import { sumCosts } from '../core/analysis/cost-sum';
import type { Shape } from '../core/shape';
import { designCard, shapesText, worstProblem, type CardData } from './card-model';
import {
  BLOCK_CARD_WIDTH,
  CARD_HEIGHT,
  FRAME_HEADER,
  FRAME_PAD,
  INNER_CARD_WIDTH,
  PROBLEM_LINE,
} from './sizes';
import { i18next } from '../i18n';

export interface InnerCard {
  readonly id: string;
  readonly data: CardData;
  /** Relative to the frame's top-left corner. */
  readonly position: Position;
}

export interface InnerEdge {
  readonly id: string;
  readonly source: string;
  readonly sourceHandle: string;
  readonly target: string;
  readonly targetHandle: string;
  readonly shape: Shape | undefined;
}

/** What an open block shows inside its frame. */
export interface InnerView {
  readonly cards: readonly InnerCard[];
  readonly edges: readonly InnerEdge[];
  readonly width: number;
  readonly height: number;
  /** Why the primitives cannot be shown (inputs not connected yet, bad settings). */
  readonly message: string | undefined;
}

/** Room above the first and below the last primitive for the edges from and to the block's ports. */
const EDGE_ROOM = 44;

export const innerId = (block: string, inner: string): string => `${block}/${inner}`;

function expansion(node: DesignNode, analysis: Analysis): { sub: Subgraph } | { message: string } {
  const info = analysis.nodes.get(node.id);
  const shapes = info?.inputShapes ?? [];
  if (info === undefined || shapes.length === 0 || shapes.some((s) => s === undefined))
    return { message: i18next.t('canvas:blockNoInput') };
  const def = blockRegistry[node.kind as BlockKind];
  try {
    const r = (def.expand as (p: unknown, s: readonly Shape[]) => ReturnType<typeof def.expand>)(
      node.params,
      shapes as Shape[],
    );
    return r.ok ? { sub: r.value } : { message: sayFirst(r.problems) ?? i18next.t('canvas:blockCannot') };
  } catch {
    return { message: i18next.t('canvas:blockBadSettings') };
  }
}

/** The primitives of an open block, laid out inside its frame, with their shapes and costs. */
export function expandInPlace(node: DesignNode, analysis: Analysis): InnerView {
  const info = analysis.nodes.get(node.id);
  const found = expansion(node, analysis);
  if ('message' in found)
    return {
      cards: [],
      edges: [],
      width: BLOCK_CARD_WIDTH,
      height: FRAME_HEADER + 56,
      message: found.message,
    };
  const { sub } = found;
  const [first, end] = info?.layers ?? [0, 0];
  const layers = analysis.layers.slice(first, end);
  const layersOf = (id: string): LayerInfo[] => {
    const path = innerId(node.id, id);
    return layers.filter((l) => l.id === path || l.id.startsWith(`${path}/`));
  };
  const problems = analysis.diagnostics.filter((d) => d.nodeId === node.id);

  const data = new Map<string, CardData>();
  for (const n of sub.nodes) {
    const own = layersOf(n.id);
    const single = own.length === 1 ? own[0] : undefined;
    const base = designCard(n, undefined, false);
    const cost = own.length === 0 ? zeroCost : sumCosts(own.map((l) => l.cost));
    data.set(n.id, {
      ...base,
      look: single === undefined ? base.look : designCard(n, { ...infoStub(single) }, false).look,
      shape: shapesText(single?.outputShapes),
      multiplyAdds: cost.multiplyAdds,
      params: cost.params,
      problem: worstProblem(problems.filter((d) => d.path === n.label || d.path?.startsWith(`${n.label}/`))),
      block: undefined,
      inner: true,
    });
  }
  const height = (d: CardData | undefined): number =>
    CARD_HEIGHT + (d?.problem === undefined ? 0 : PROBLEM_LINE);
  const layout = rankLayout(
    sub.nodes.map((n) => ({ id: n.id, width: INNER_CARD_WIDTH, height: height(data.get(n.id)) })),
    sub.edges,
  );
  const width = Math.max(BLOCK_CARD_WIDTH, layout.width + 2 * FRAME_PAD);
  const left = (width - layout.width) / 2;
  const cards: InnerCard[] = sub.nodes.map((n) => {
    const p = layout.positions.get(n.id) ?? { x: 0, y: 0 };
    return {
      id: innerId(node.id, n.id),
      data: data.get(n.id) ?? designCard(n, undefined, false),
      position: { x: left + p.x, y: FRAME_HEADER + EDGE_ROOM + p.y },
    };
  });

  const inputShape = (id: string, port: number): Shape | undefined => layersOf(id)[0]?.inputShapes[port];
  const edges: InnerEdge[] = sub.edges.map((e) => ({
    id: innerId(node.id, e.id),
    source: innerId(node.id, e.from.node),
    sourceHandle: `out-${e.from.port}`,
    target: innerId(node.id, e.to.node),
    targetHandle: `in-${e.to.port}`,
    shape: inputShape(e.to.node, e.to.port) ?? layersOf(e.from.node).at(-1)?.outputShapes[e.from.port],
  }));
  sub.inputs.forEach((targets, i) => {
    for (const t of targets)
      edges.push({
        id: innerId(node.id, `in${i}-${t.node}-${t.port}`),
        source: node.id,
        sourceHandle: `in-${i}-inner`,
        target: innerId(node.id, t.node),
        targetHandle: `in-${t.port}`,
        shape: info?.inputShapes[i],
      });
  });
  sub.outputs.forEach((p, j) => {
    edges.push({
      id: innerId(node.id, `out${j}`),
      source: innerId(node.id, p.node),
      sourceHandle: `out-${p.port}`,
      target: node.id,
      targetHandle: `out-${j}-inner`,
      shape: info?.outputShapes?.[j],
    });
  });
  return { cards, edges, width, height: FRAME_HEADER + 2 * EDGE_ROOM + layout.height, message: undefined };
}

/** Enough of a NodeInfo for the card's look (it needs the input channels). */
function infoStub(layer: LayerInfo) {
  return {
    nodeId: layer.id,
    inputShapes: layer.inputShapes,
    outputShapes: layer.outputShapes,
    cost: layer.cost,
    layers: [0, 0] as const,
    diagnostics: [],
  };
}
