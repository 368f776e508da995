import type { EdgeChange, NodeChange, OnConnectEnd } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { Position } from '../core/design/design-types';
import { studio } from '../state/store';
import type { FlowNode, ShapeEdge, Size } from './flow-types';
import { seenSizes } from './auto-layout';
import { connectionPorts, portNumber } from './ports';
import { i18next } from '../i18n';

const none: ReadonlyMap<string, Position & Size> = new Map<string, Position & Size>();

/**
 * React Flow's change events, applied to the store: selections at once, drags kept here while they
 * last and written to the design once on drop (one undo step), sizes kept for layout and edges.
 */
export function useFlowHandlers(offsets: ReadonlyMap<string, number>) {
  const [dragging, setDragging] = useState<ReadonlyMap<string, Position>>(none);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(none);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const moving = new Map<string, Position>();
      const dropped = new Map<string, Position>();
      const sizes = new Map<string, Size>();
      let selection: Set<string> | undefined;
      for (const c of changes) {
        if (c.type === 'position' && c.position !== undefined) {
          (c.dragging === true ? moving : dropped).set(c.id, c.position);
        } else if (c.type === 'dimensions' && c.dimensions !== undefined) {
          sizes.set(c.id, c.dimensions);
          seenSizes.set(c.id, c.dimensions);
        } else if (c.type === 'select') {
          selection ??= new Set(studio.getState().selectedNodes);
          if (c.selected) selection.add(c.id);
          else selection.delete(c.id);
        }
      }
      if (moving.size > 0) setDragging((prev) => new Map([...prev, ...moving]));
      if (dropped.size > 0) {
        const design = new Map<string, Position>();
        for (const [id, p] of dropped) design.set(id, { x: p.x, y: p.y - (offsets.get(id) ?? 0) });
        studio.getState().moveNodes(design);
        setDragging((prev) => new Map([...prev].filter(([id]) => !dropped.has(id))));
      }
      if (sizes.size > 0)
        setMeasured((prev) => {
          const changed = [...sizes].some(
            ([id, s]) => prev.get(id)?.width !== s.width || prev.get(id)?.height !== s.height,
          );
          return changed ? new Map([...prev, ...sizes]) : prev;
        });
      if (selection !== undefined) studio.getState().select([...selection], studio.getState().selectedEdges);
    },
    [offsets],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<ShapeEdge>[]) => {
    let selection: Set<string> | undefined;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      selection ??= new Set(studio.getState().selectedEdges);
      if (c.selected) selection.add(c.id);
      else selection.delete(c.id);
    }
    if (selection !== undefined) studio.getState().select(studio.getState().selectedNodes, [...selection]);
  }, []);

  const onConnect = useCallback((c: Parameters<typeof connectionPorts>[0]) => {
    const ports = connectionPorts(c);
    if (ports === undefined) return;
    const verdict = studio.getState().connectPorts(ports.from, ports.to);
    if (!verdict.ok)
      studio
        .getState()
        .notify({ text: i18next.t('canvas:cannotConnectReason', { reason: verdict.reason }), tone: 'error' });
  }, []);

  /** A refused drop leaves the reason at the cursor for a moment: nothing is dropped silently. */
  const onConnectEnd: OnConnectEnd = useCallback((event, state) => {
    if (state.isValid !== false || state.toHandle === null) return;
    const [source, target] =
      state.fromHandle.type === 'source'
        ? [state.fromHandle, state.toHandle]
        : [state.toHandle, state.fromHandle];
    const fromPort = portNumber(source.id);
    const toPort = portNumber(target.id);
    if (fromPort === undefined || toPort === undefined) return;
    const store = studio.getState();
    const verdict = store.connectPorts(
      { node: source.nodeId, port: fromPort },
      { node: target.nodeId, port: toPort },
    );
    if (verdict.ok) return;
    const point = event instanceof TouchEvent ? event.changedTouches[0] : event;
    store.notify({
      text: i18next.t('canvas:cannotConnectReason', { reason: verdict.reason }),
      tone: 'error',
      ...(point === undefined ? {} : { at: { x: point.clientX, y: point.clientY } }),
    });
  }, []);

  return { dragging, measured, onNodesChange, onEdgesChange, onConnect, onConnectEnd };
}
