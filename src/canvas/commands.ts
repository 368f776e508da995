import { ReactFlowProvider, useReactFlow, type ReactFlowInstance } from '@xyflow/react';
import { useMemo } from 'react';
import type { Position } from '../core/design/design-types';
import type { FlowNode, ShapeEdge } from './flow-types';
import { BLOCK_CARD_WIDTH, CARD_HEIGHT, CARD_WIDTH, FIT_PAD, MIN_READABLE } from './sizes';

/** The canvas's provider: wraps the whole app so its commands can be used from the top bar. */
export const CanvasProvider = ReactFlowProvider;

/**
 * Fits the design in view; a design too tall to read that way (a deep network) is shown from its
 * top at a readable zoom instead, as a long document would be. Uses design positions and card sizes,
 * so it works before React Flow has measured new nodes.
 */
export function viewDesign(rf: ReactFlowInstance<FlowNode, ShapeEdge>, nodes: readonly FlowNode[]): void {
  const whole = document.querySelector('.canvas')?.getBoundingClientRect();
  const top = nodes.filter((n) => n.parentId === undefined);
  if (whole === undefined || top.length === 0) return;
  // An open minimap keeps its strip on the right: the design is fitted beside it, never under it.
  const map = document.querySelector('.react-flow__minimap')?.getBoundingClientRect();
  const pane = { width: whole.width - (map === undefined ? 0 : map.width + 16), height: whole.height };
  // Before React Flow measures a card: an op's card is CARD_WIDTH wide, a block's BLOCK_CARD_WIDTH.
  const unmeasured = (n: FlowNode): number =>
    n.type === 'card' && n.data.block === undefined ? CARD_WIDTH : BLOCK_CARD_WIDTH;
  const right = (n: FlowNode) => n.position.x + (n.width ?? n.measured?.width ?? unmeasured(n));
  const bottom = (n: FlowNode) => n.position.y + (n.height ?? n.measured?.height ?? CARD_HEIGHT);
  const x0 = Math.min(...top.map((n) => n.position.x));
  const y0 = Math.min(...top.map((n) => n.position.y));
  const w = Math.max(...top.map(right)) - x0;
  const h = Math.max(...top.map(bottom)) - y0;
  const pad = FIT_PAD;
  const fit = Math.min(1, (pane.width - pad) / w, (pane.height - pad) / h);
  if (fit >= MIN_READABLE) {
    void rf.setViewport({
      x: pane.width / 2 - (x0 + w / 2) * fit,
      y: pane.height / 2 - (y0 + h / 2) * fit,
      zoom: fit,
    });
    return;
  }
  const zoom = Math.max(MIN_READABLE, Math.min(1, (pane.width - pad) / w));
  void rf.setViewport({ x: pane.width / 2 - (x0 + w / 2) * zoom, y: pad / 2 - y0 * zoom, zoom });
}

export interface CanvasCommands {
  /** The centre of the visible canvas, in design coordinates. */
  centre(): Position;
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
}

export function useCanvasCommands(): CanvasCommands {
  const rf = useReactFlow();
  return useMemo(
    () => ({
      centre() {
        const box = document.querySelector('.canvas')?.getBoundingClientRect();
        if (box === undefined) return { x: 0, y: 0 };
        return rf.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
      },
      fit() {
        const whole = document.querySelector('.canvas')?.getBoundingClientRect();
        const map = document.querySelector('.react-flow__minimap')?.getBoundingClientRect();
        if (whole === undefined || map === undefined) {
          void rf.fitView({ padding: 0.12, maxZoom: 1, duration: 200 });
          return;
        }
        // An open minimap keeps its strip on the right: the whole design goes beside it.
        const b = rf.getNodesBounds(rf.getNodes().filter((n) => n.parentId === undefined));
        const width = whole.width - map.width - 16;
        const zoom = Math.min(1, (width - FIT_PAD) / b.width, (whole.height - FIT_PAD) / b.height);
        void rf.setViewport(
          {
            x: width / 2 - (b.x + b.width / 2) * zoom,
            y: whole.height / 2 - (b.y + b.height / 2) * zoom,
            zoom,
          },
          { duration: 200 },
        );
      },
      zoomIn() {
        void rf.zoomIn({ duration: 150 });
      },
      zoomOut() {
        void rf.zoomOut({ duration: 150 });
      },
    }),
    [rf],
  );
}
