import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import type { Position } from '../core/graph/types';

/** The canvas's provider: wraps the whole app so its commands can be used from the top bar. */
export const CanvasProvider = ReactFlowProvider;

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
        void rf.fitView({ padding: 0.12, maxZoom: 1, duration: 200 });
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
