/* eslint-disable i18next/no-literal-string -- SVG markup; the text in it is the cards' own (translated titles, labels, figures). */
import { download, fileNameFor } from '../ui/download';
import { getBezierPath, Position as Side, type ReactFlowInstance } from '@xyflow/react';
import { studio } from '../state/store';
import { formatCount } from '../ui/figures';
import type { FlowNode, ShapeEdge } from './flow-types';

let flow: ReactFlowInstance<FlowNode, ShapeEdge> | undefined;

/** The canvas hands its React Flow instance over when it starts, for exports. */
export function registerFlow(instance: ReactFlowInstance<FlowNode, ShapeEdge>): void {
  flow = instance;
}

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

/** The canvas as a standalone SVG: cards, frames, edges with their shapes, in the current theme. */
export function canvasSvg(): string | undefined {
  if (flow === undefined) return undefined;
  const f = flow;
  const boxes = new Map<string, Box>();
  for (const n of f.getNodes()) {
    const internal = f.getInternalNode(n.id);
    if (internal === undefined) continue;
    const p = internal.internals.positionAbsolute;
    boxes.set(n.id, { x: p.x, y: p.y, w: internal.measured.width ?? 0, h: internal.measured.height ?? 0 });
  }
  if (boxes.size === 0) return undefined;
  const all = [...boxes.values()];
  const pad = 40;
  const minX = Math.min(...all.map((b) => b.x)) - pad;
  const minY = Math.min(...all.map((b) => b.y)) - pad;
  const width = Math.max(...all.map((b) => b.x + b.w)) - minX + pad;
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
  };
  const out: string[] = [];
  out.push(`<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="${c.bg}"/>`);
  const handle = (nodeId: string, handleId: string | null | undefined, kind: 'source' | 'target') => {
    const internal = f.getInternalNode(nodeId);
    const b = boxes.get(nodeId);
    const h = internal?.internals.handleBounds?.[kind]?.find((x) => x.id === handleId);
    if (b === undefined || h === undefined) return undefined;
    return { x: b.x + h.x + h.width / 2, y: b.y + h.y + h.height / 2 };
  };
  const frames = f.getNodes().filter((n) => n.type === 'frame');
  for (const n of frames) {
    const b = boxes.get(n.id);
    if (b !== undefined)
      out.push(
        `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="10" fill="none" stroke="${cssVar('--stripe-block')}" stroke-dasharray="6 4" stroke-width="1.5"/>`,
      );
  }
  const labels: string[] = [];
  for (const e of f.getEdges()) {
    const s = handle(e.source, e.sourceHandle, 'source');
    const t = handle(e.target, e.targetHandle, 'target');
    if (s === undefined || t === undefined) continue;
    const [path, lx, ly] = getBezierPath({
      sourceX: s.x,
      sourceY: s.y,
      targetX: t.x,
      targetY: t.y,
      sourcePosition: Side.Bottom,
      targetPosition: Side.Top,
    });
    out.push(
      `<path d="${path}" fill="none" stroke="${c.edge}" stroke-width="${(1 + (e.data?.weight ?? 0.3) * 3.5).toFixed(2)}"/>`,
    );
    const shape = e.data?.shape;
    if (shape !== undefined) {
      const w = shape.length * 6.4 + 12;
      labels.push(
        `<rect x="${lx - w / 2}" y="${ly - 9}" width="${w}" height="18" rx="9" fill="${c.label}" stroke="${c.border}"/>`,
      );
      labels.push(
        `<text x="${lx}" y="${ly + 4}" text-anchor="middle" class="mono" fill="${c.muted}">${esc(shape)}</text>`,
      );
    }
  }
  for (const n of f.getNodes()) {
    const b = boxes.get(n.id);
    if (b === undefined) continue;
    const d = n.data;
    const stripe = cssVar(`--stripe-${d.look.stripe}`);
    const stroke = d.problem?.severity === 'error' ? c.error : c.border;
    if (n.type === 'card')
      out.push(
        `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="8" fill="${c.card}" stroke="${stroke}"/>`,
      );
    out.push(
      `<rect x="${b.x}" y="${b.y + 4}" width="4" height="${(n.type === 'frame' ? 40 : b.h) - 8}" rx="2" fill="${stripe}"/>`,
    );
    out.push(
      `<text x="${b.x + 14}" y="${b.y + 22}" fill="${c.text}"><tspan font-weight="600">${esc(d.look.title)}</tspan> <tspan fill="${c.muted}">${esc(d.look.summary)}</tspan></text>`,
    );
    if (d.multiplyAdds > 0)
      out.push(
        `<text x="${b.x + b.w - 10}" y="${b.y + 22}" text-anchor="end" fill="${c.text}" font-weight="600">${formatCount(d.multiplyAdds)}</text>`,
      );
    out.push(
      `<text x="${b.x + 14}" y="${b.y + 44}" class="mono" fill="${c.text}">${esc(d.shape ?? '—')}</text>`,
    );
    out.push(
      `<text x="${b.x + b.w - 10}" y="${b.y + 44}" text-anchor="end" fill="${c.muted}">${esc(d.label)}</text>`,
    );
    if (d.problem !== undefined && n.type === 'card')
      out.push(
        `<text x="${b.x + 14}" y="${b.y + 64}" fill="${c.error}">⚠ ${esc(d.problem.text.slice(0, 40))}</text>`,
      );
  }
  out.push(...labels);
  const style = `<style>text{font:12px system-ui,-apple-system,'Segoe UI',sans-serif}.mono{font:11px ui-monospace,'SFMono-Regular',Menlo,monospace}</style>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="${minX} ${minY} ${width} ${height}">${style}${out.join('')}</svg>`;
}

export function exportSvg(): void {
  const svg = canvasSvg();
  if (svg !== undefined)
    download(new Blob([svg], { type: 'image/svg+xml' }), fileNameFor(studio.getState().design, '.svg'));
}

/** PNG at twice the screen resolution, scaled down if the design is too big for one bitmap. */
export async function exportPng(): Promise<void> {
  const svg = canvasSvg();
  if (svg === undefined) return;
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
    const blob = await new Promise<Blob | null>((resolve) => {
      canvas.toBlob(resolve, 'image/png');
    });
    if (blob !== null) download(blob, fileNameFor(studio.getState().design, '.png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
