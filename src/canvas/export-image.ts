/* eslint-disable i18next/no-literal-string -- SVG markup; the text in it is the cards' own (translated titles, labels, figures). */
import { download, fileNameFor } from '../ui/download';
import type { ReactFlowInstance } from '@xyflow/react';
import { studio } from '../state/store';
import { analysisOf } from '../state/analysis';
import type { CardData } from './card-model';
import type { FlowNode, ShapeEdge } from './flow-types';
import { stripes as allStripes, type Stripe } from '../ui/families';
import { i18next } from '../i18n';
import { formatCount } from '../i18n/numbers';

let flow: ReactFlowInstance<FlowNode, ShapeEdge> | undefined;

/** The canvas hands its React Flow instance over when it starts, for exports. */
export function registerFlow(instance: ReactFlowInstance<FlowNode, ShapeEdge>): void {
  flow = instance;
}

/** What each card shows in a picture, besides its title and label. */
export interface ImageOptions {
  readonly multiplyAdds: boolean;
  readonly params: boolean;
  readonly shape: boolean;
  readonly edgeShapes: boolean;
}

export const defaultImageOptions: ImageOptions = {
  multiplyAdds: true,
  params: false,
  shape: true,
  edgeShapes: false,
};

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Text cut to a width in pixels (system-ui 12 px averages about 6.6 px a character), with "…". */
function fit(text: string, width: number, charWidth = 6.6): string {
  const n = Math.floor(width / charWidth);
  if (text.length <= n) return text;
  return n <= 1 ? '' : `${text.slice(0, n - 1)}…`;
}

const LEGEND_HEIGHT = 64;

/**
 * The canvas as a standalone SVG for a slide: what is on screen (cards, open blocks, module groups),
 * in the current theme, text cut to its card, edges drawn over the frames and routed around cards
 * that would hide them, port dots where edges meet cards, a band on top with the design's name,
 * its totals and a legend of the families shown.
 */
export function canvasSvg(options: ImageOptions = defaultImageOptions): string | undefined {
  if (flow === undefined) return undefined;
  const f = flow;
  const boxes = new Map<string, Box>();
  for (const n of f.getNodes()) {
    const internal = f.getInternalNode(n.id);
    if (internal === undefined || n.hidden === true) continue;
    const p = internal.internals.positionAbsolute;
    boxes.set(n.id, { x: p.x, y: p.y, w: internal.measured.width ?? 0, h: internal.measured.height ?? 0 });
  }
  if (boxes.size === 0) return undefined;
  const all = [...boxes.values()];
  const pad = 32;
  const minX = Math.min(...all.map((b) => b.x)) - pad;
  const top = Math.min(...all.map((b) => b.y)) - pad;
  const minY = top - LEGEND_HEIGHT;
  const width = Math.max(Math.max(...all.map((b) => b.x + b.w)) - minX + pad, 560);
  const height = Math.max(...all.map((b) => b.y + b.h)) - minY + pad;
  const c = {
    bg: cssVar('--canvas-bg'),
    card: cssVar('--card-bg'),
    border: cssVar('--border'),
    text: cssVar('--text'),
    muted: cssVar('--text-muted'),
    edge: cssVar('--edge'),
    error: cssVar('--error'),
    label: cssVar('--edge-label-bg'),
    block: cssVar('--stripe-block'),
  };
  const back: string[] = [];
  const cards: string[] = [];
  const lines: string[] = [];
  const labels: string[] = [];
  back.push(`<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="${c.bg}"/>`);

  const nodes = f.getNodes().filter((n) => boxes.has(n.id));
  const cardNodes = nodes.filter(
    (n): n is FlowNode & { data: CardData } => n.type === 'card' || n.type === 'groupcard',
  );
  for (const n of nodes) {
    const b = boxes.get(n.id);
    if (b === undefined) continue;
    if (n.type === 'moduleframe') {
      back.push(
        `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="10" fill="${c.muted}" fill-opacity="0.05" stroke="${c.muted}" stroke-opacity="0.35"/>`,
        `<text x="${b.x + 10}" y="${b.y + 15}" class="mono" fill="${c.muted}">${esc(fit(n.data.path, b.w - 20, 6.6))}</text>`,
      );
    } else if (n.type === 'frame') {
      back.push(
        `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="12" fill="none" stroke="${c.block}" stroke-dasharray="6 4" stroke-width="1.5"/>`,
      );
      cards.push(...cardText(n.data, b, options, c, 'frame'));
    }
  }
  const stripes = new Set<Stripe>();
  for (const n of cardNodes) {
    const b = boxes.get(n.id);
    if (b === undefined) continue;
    const d = n.data;
    stripes.add(d.look.stripe);
    const stroke = d.problem?.severity === 'error' ? c.error : c.border;
    cards.push(
      `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="8" fill="${c.card}" stroke="${stroke}"/>`,
    );
    cards.push(...cardText(d, b, options, c, n.type === 'groupcard' ? 'group' : 'card'));
  }

  // Edges over frames and cards: each from its source port to its target port, around the cards
  // between them (a residual edge past an open block's primitives) rather than behind them.
  const handle = (nodeId: string, handleId: string | null | undefined, kind: 'source' | 'target') => {
    const internal = f.getInternalNode(nodeId);
    const b = boxes.get(nodeId);
    const h = internal?.internals.handleBounds?.[kind]?.find((x) => x.id === handleId);
    if (b === undefined || h === undefined) return undefined;
    return { x: b.x + h.x + h.width / 2, y: b.y + h.y + h.height / 2 };
  };
  const solid = cardNodes.flatMap((n) => {
    const b = boxes.get(n.id);
    return b === undefined ? [] : [{ id: n.id, b }];
  });
  const dots = new Map<string, { x: number; y: number }>();
  for (const e of f.getEdges()) {
    if (e.hidden === true) continue;
    const s = handle(e.source, e.sourceHandle, 'source');
    const t = handle(e.target, e.targetHandle, 'target');
    if (s === undefined || t === undefined) continue;
    dots.set(`${s.x},${s.y}`, s);
    dots.set(`${t.x},${t.y}`, t);
    const blocking = solid.filter(
      ({ id, b }) =>
        id !== e.source &&
        id !== e.target &&
        b.y < Math.max(s.y, t.y) - 4 &&
        b.y + b.h > Math.min(s.y, t.y) + 4 &&
        b.x < Math.max(s.x, t.x) + 2 &&
        b.x + b.w > Math.min(s.x, t.x) - 2,
    );
    let d: string;
    let mid: { x: number; y: number };
    if (t.y < s.y + 24) {
      // To the top of the next column: down, across the gap between the columns, up, and in.
      const gapX = (s.x + t.x) / 2;
      const low = s.y + 18;
      const high = t.y - 18;
      d = `M${s.x},${s.y} L${s.x},${low} L${gapX},${low} L${gapX},${high} L${t.x},${high} L${t.x},${t.y}`;
      mid = { x: gapX, y: (low + high) / 2 };
    } else if (blocking.length > 0) {
      const side = Math.max(...blocking.map(({ b }) => b.x + b.w)) + 16;
      d = `M${s.x},${s.y} L${s.x},${s.y + 10} Q${s.x},${s.y + 16} ${s.x + 6},${s.y + 16} L${side - 6},${s.y + 16} Q${side},${s.y + 16} ${side},${s.y + 22} L${side},${t.y - 22} Q${side},${t.y - 16} ${side - 6},${t.y - 16} L${t.x + 6},${t.y - 16} Q${t.x},${t.y - 16} ${t.x},${t.y - 10} L${t.x},${t.y}`;
      mid = { x: side, y: (s.y + t.y) / 2 };
    } else {
      const dy = Math.max(24, Math.abs(t.y - s.y) / 2);
      d = `M${s.x},${s.y} C${s.x},${s.y + dy} ${t.x},${t.y - dy} ${t.x},${t.y}`;
      mid = { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
    }
    const w = (1 + (e.data?.weight ?? 0.3) * 3).toFixed(2);
    lines.push(
      `<path d="${d}" fill="none" stroke="${c.bg}" stroke-width="${Number(w) + 3}" stroke-opacity="0.8"/>`,
    );
    lines.push(`<path d="${d}" fill="none" stroke="${c.edge}" stroke-width="${w}"/>`);
    const shape = e.data?.shape;
    if (options.edgeShapes && shape !== undefined) {
      const lw = shape.length * 6.4 + 12;
      labels.push(
        `<rect x="${mid.x - lw / 2}" y="${mid.y - 9}" width="${lw}" height="18" rx="9" fill="${c.label}" stroke="${c.border}"/>`,
        `<text x="${mid.x}" y="${mid.y + 4}" text-anchor="middle" class="mono" fill="${c.muted}">${esc(shape)}</text>`,
      );
    }
  }
  for (const p of dots.values())
    lines.push(
      `<circle cx="${p.x}" cy="${p.y}" r="3.5" fill="${c.edge}" stroke="${c.card}" stroke-width="1.5"/>`,
    );

  const band = legend(minX + pad, minY + 24, stripes, c);
  const style = `<style>text{font:12px system-ui,-apple-system,'Segoe UI',sans-serif}.mono{font:11px ui-monospace,'SFMono-Regular',Menlo,monospace}.title{font-weight:600;font-size:14px}</style>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="${minX} ${minY} ${width} ${height}">${style}${back.join('')}${cards.join('')}${lines.join('')}${labels.join('')}${band}</svg>`;
}

type Colours = Record<'text' | 'muted' | 'error', string>;

/** A card's text in two rows, each part cut to the room it has, so nothing overlaps. */
function cardText(
  d: CardData,
  b: Box,
  o: ImageOptions,
  c: Colours,
  kind: 'card' | 'frame' | 'group',
): string[] {
  const out: string[] = [];
  const stripe = cssVar(`--stripe-${d.look.stripe}`);
  out.push(
    `<rect x="${b.x}" y="${b.y + 4}" width="4" height="${(kind === 'frame' ? 40 : b.h) - 8}" rx="2" fill="${stripe}"/>`,
  );
  const figures = [
    ...(o.multiplyAdds && d.multiplyAdds > 0
      ? [i18next.t('picture.cardMultiplyAdds', { value: formatCount(d.multiplyAdds) })]
      : []),
    ...(o.params && d.params > 0 ? [i18next.t('picture.cardParams', { value: formatCount(d.params) })] : []),
  ].join(' · ');
  const inner = b.w - 24;
  const figWidth = figures.length * 7.2;
  const title = kind === 'group' ? d.label : d.look.title;
  const titleText = fit(title, Math.max(40, inner - figWidth - 8), 7.6);
  const summary = kind === 'group' ? d.look.summary : d.look.summary;
  const summaryRoom = inner - figWidth - 12 - titleText.length * 7.6 - 6;
  const summaryText = summaryRoom > 24 ? fit(summary, summaryRoom, 7) : '';
  out.push(
    `<text x="${b.x + 14}" y="${b.y + 22}" fill="${c.text}"><tspan font-weight="600">${esc(titleText)}</tspan>${summaryText === '' ? '' : ` <tspan fill="${c.muted}">${esc(summaryText)}</tspan>`}</text>`,
  );
  if (figures !== '')
    out.push(
      `<text x="${b.x + b.w - 10}" y="${b.y + 22}" text-anchor="end" fill="${c.text}" font-weight="600">${esc(figures)}</text>`,
    );
  const shape = o.shape ? (d.shape ?? '—') : '';
  const shapeText = fit(shape, inner * 0.55, 6.6);
  const label = kind === 'group' ? i18next.t('module.kind') : d.label;
  const labelText = fit(label, inner - shapeText.length * 6.6 - 10);
  if (shapeText !== '')
    out.push(`<text x="${b.x + 14}" y="${b.y + 44}" class="mono" fill="${c.text}">${esc(shapeText)}</text>`);
  out.push(
    `<text x="${b.x + b.w - 10}" y="${b.y + 44}" text-anchor="end" fill="${c.muted}">${esc(labelText)}</text>`,
  );
  if (d.problem !== undefined && kind === 'card')
    out.push(
      `<text x="${b.x + 14}" y="${b.y + 64}" fill="${c.error}">⚠ ${esc(fit(d.problem.text, inner - 14))}</text>`,
    );
  return out;
}

/** The band on top: the design's name and totals, then a swatch for each family shown. */
function legend(x: number, y: number, stripes: ReadonlySet<Stripe>, c: Colours): string {
  const s = studio.getState();
  const analysis = analysisOf(s.design);
  const totals = analysis.totals;
  const out: string[] = [
    `<g data-role="legend"><text x="${x}" y="${y}" class="title" fill="${c.text}">${esc(s.design.name)}</text>`,
    `<text x="${x}" y="${y + 20}" fill="${c.muted}" data-role="totals">${esc(
      i18next.t('picture.totals', {
        params: formatCount(totals.params),
        multiplyAdds: formatCount(totals.multiplyAdds),
        peak: formatCount(analysis.activations.peak),
      }),
    )}</text>`,
  ];
  let lx = x;
  const ly = y + 40;
  for (const stripe of allStripes) {
    if (!stripes.has(stripe)) continue;
    const name = i18next.t(`picture.legend.${stripe}`);
    out.push(
      `<rect x="${lx}" y="${ly - 9}" width="10" height="10" rx="2" fill="${cssVar(`--stripe-${stripe}`)}"/>`,
      `<text x="${lx + 14}" y="${ly}" fill="${c.text}">${esc(name)}</text>`,
    );
    lx += 14 + name.length * 6.6 + 16;
  }
  out.push('</g>');
  return out.join('');
}

export function exportSvg(options: ImageOptions = defaultImageOptions): void {
  const svg = canvasSvg(options);
  if (svg !== undefined)
    download(new Blob([svg], { type: 'image/svg+xml' }), fileNameFor(studio.getState().design, '.svg'));
}

/** The picture as a PNG at twice its size in flow units (scaled down only past 8192 pixels a side). */
export async function pngOf(svg: string): Promise<Blob | null> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = Math.min(2, 8192 / Math.max(image.width, image.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob | null>((resolve) => {
      canvas.toBlob(resolve, 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportPng(options: ImageOptions = defaultImageOptions): Promise<void> {
  const svg = canvasSvg(options);
  if (svg === undefined) return;
  const blob = await pngOf(svg);
  if (blob !== null) download(blob, fileNameFor(studio.getState().design, '.png'));
}
