import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type IsValidConnection,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Position } from '../core/design/design-types';
import { ITEM_MIME, SPLICE_MIME, parseItem, type CatalogueItem } from '../state/catalogue-item';
import { useAnalysis } from '../state/hooks';
import { useStudio } from '../state/store';
import { viewDesign } from './commands';
import { ConnectionRefusal } from './ConnectionRefusal';
import { registerFlow } from './export-image';
import { FlowModel } from './flow-model';
import type { FlowNode, ShapeEdge } from './flow-types';
import { FrameCard } from './FrameCard';
import { GroupCard, ModuleFrame } from './GroupNodes';
import { minimapColour } from './minimap-colour';
import { NodeCard } from './NodeCard';
import { connectionPorts } from './ports';
import { ShapeEdgeView } from './ShapeEdgeView';
import { CARD_HEIGHT, CARD_WIDTH } from './sizes';
import { useFlowHandlers } from './use-flow-handlers';
import { useVerdicts } from './use-verdicts';
import { useTranslation } from 'react-i18next';

const nodeTypes = { card: NodeCard, frame: FrameCard, groupcard: GroupCard, moduleframe: ModuleFrame };
const edgeTypes = { shape: ShapeEdgeView };
// eslint-disable-next-line i18next/no-literal-string -- keyboard key names, not text
const multiSelectKeys = ['Shift', 'Meta', 'Control'];

export interface CanvasProps {
  /** A palette item dropped at a point of the design, onto a wire (its id) or not. */
  readonly onDropItem: (item: CatalogueItem, position: Position, wire: string | undefined) => void;
  /** A file dropped on the canvas (a design to open). */
  readonly onDropFile: (file: File) => void;
}

export function Canvas({ onDropItem, onDropFile }: CanvasProps) {
  const { t, i18n } = useTranslation('canvas');
  const design = useStudio((s) => s.design);
  const analysis = useAnalysis();
  const openBlocks = useStudio((s) => s.openBlocks);
  const collapsedGroups = useStudio((s) => s.collapsedGroups);
  const selectedNodes = useStudio((s) => s.selectedNodes);
  const selectedEdges = useStudio((s) => s.selectedEdges);
  const theme = useStudio((s) => s.theme);
  const fitRequest = useStudio((s) => s.fitRequest);
  const revealRequest = useStudio((s) => s.revealRequest);
  const [model] = useState(() => new FlowModel());
  const [mapOpen, setMapOpen] = useState(readMapOpen);
  const [offsets, setOffsets] = useState<ReadonlyMap<string, number>>(new Map());
  const [dropWire, setDropWire] = useState<string | undefined>();
  const handlers = useFlowHandlers(offsets);
  const { dragging, measured } = handlers;
  const verdict = useVerdicts();
  const rf = useReactFlow<FlowNode, ShapeEdge>();

  const view = useMemo(
    () =>
      model.build({
        design,
        analysis,
        openBlocks: new Set(openBlocks),
        collapsedGroups: new Set(collapsedGroups),
        selectedNodes: new Set(selectedNodes),
        selectedEdges: new Set(selectedEdges),
        dragging,
        measured,
        dropWire,
      }),
    // The cards' titles are read in the UI's language when built: a new language rebuilds them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      model,
      design,
      analysis,
      openBlocks,
      collapsedGroups,
      selectedNodes,
      selectedEdges,
      dragging,
      measured,
      dropWire,
      i18n.language,
    ],
  );
  if (view.offsets !== offsets && !sameOffsets(view.offsets, offsets)) setOffsets(view.offsets);

  // A new design was opened: show it (the nodes of this render are the new design's).
  const fitted = useRef(0);
  useEffect(() => {
    if (fitRequest === fitted.current) return;
    fitted.current = fitRequest;
    viewDesign(rf, view.nodes);
  }, [fitRequest, rf, view.nodes]);

  // A row of the cost table was clicked: bring that node into view.
  const revealed = useRef(0);
  useEffect(() => {
    if (revealRequest === undefined || revealRequest.seq === revealed.current) return;
    revealed.current = revealRequest.seq;
    const node = rf.getNode(revealRequest.nodeId);
    if (node === undefined) return;
    const w = node.measured?.width ?? 0;
    const h = node.measured?.height ?? 0;
    // Already in full view: leave the view where it is.
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const a = rf.flowToScreenPosition(node.position);
    const b = rf.flowToScreenPosition({ x: node.position.x + w, y: node.position.y + h });
    if (pane !== undefined && a.x >= pane.left && a.y >= pane.top && b.x <= pane.right && b.y <= pane.bottom)
      return;
    void rf.setCenter(node.position.x + w / 2, node.position.y + h / 2, {
      zoom: Math.max(rf.getZoom(), 0.8),
      duration: 250,
    });
  }, [revealRequest, rf]);

  const isValidConnection: IsValidConnection<ShapeEdge> = useCallback(
    (c) => {
      const ports = connectionPorts(c);
      return ports !== undefined && verdict(ports.from, ports.to).ok;
    },
    [verdict],
  );

  // A block or a layer dragged over a wire goes into it when dropped: the wire lights up meanwhile.
  const designEdges = design.edges;
  const wireAt = useCallback(
    (x: number, y: number) => wireUnder(x, y, new Set(designEdges.map((e) => e.id))),
    [designEdges],
  );
  const onDragOver = useCallback(
    (e: DragEvent) => {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setDropWire(e.dataTransfer.types.includes(SPLICE_MIME) ? wireAt(e.clientX, e.clientY) : undefined);
    },
    [wireAt],
  );
  const onDragLeave = useCallback((e: DragEvent) => {
    if (!(e.relatedTarget instanceof Node) || !e.currentTarget.contains(e.relatedTarget))
      setDropWire(undefined);
  }, []);
  // A drag given up (Escape) or ended anywhere else lights nothing any more.
  useEffect(() => {
    const off = () => {
      setDropWire(undefined);
    };
    window.addEventListener('dragend', off);
    return () => {
      window.removeEventListener('dragend', off);
    };
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      e.preventDefault();
      setDropWire(undefined);
      const file = e.dataTransfer.files[0];
      if (file !== undefined) {
        onDropFile(file);
        return;
      }
      const item = parseItem(e.dataTransfer.getData(ITEM_MIME));
      if (item === undefined) return;
      const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const wire = item.type === 'node' ? wireAt(e.clientX, e.clientY) : undefined;
      onDropItem(item, { x: Math.round(p.x - CARD_WIDTH / 2), y: Math.round(p.y - CARD_HEIGHT / 2) }, wire);
    },
    [rf, onDropItem, onDropFile, wireAt],
  );

  // React Flow's own words (its keyboard help, its controls), in the reader's language.
  const ariaLabels = useMemo(
    () => ({
      'node.a11yDescription.default': t('flow.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('flow.nodeHelpKeys'),
      'node.a11yDescription.ariaLiveMessage': (p: { direction: string; x: number; y: number }) =>
        t('flow.nodeMoved', p),
      'edge.a11yDescription.default': t('flow.edgeHelp'),
      'controls.ariaLabel': t('flow.controls'),
      'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
      'controls.fitView.ariaLabel': t('flow.fitView'),
      'controls.interactive.ariaLabel': t('flow.interactive'),
      'minimap.ariaLabel': t('minimap'),
      'handle.ariaLabel': t('flow.handle'),
    }),
    [t],
  );

  return (
    <div
      className="canvas"
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <ReactFlow<FlowNode, ShapeEdge>
        nodes={view.nodes}
        edges={view.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={handlers.onNodesChange}
        onEdgesChange={handlers.onEdgesChange}
        onConnect={handlers.onConnect}
        onConnectEnd={handlers.onConnectEnd}
        onInit={registerFlow}
        isValidConnection={isValidConnection}
        colorMode={theme}
        deleteKeyCode={null}
        multiSelectionKeyCode={multiSelectKeys}
        selectionKeyCode="Shift"
        minZoom={0.05}
        maxZoom={2.5}
        onlyRenderVisibleElements
        proOptions={{ hideAttribution: true }}
        aria-label={t('label')}
        ariaLabelConfig={ariaLabels}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        {/* The minimap is folded by default, so it never covers cards or drop targets; its switch sits
            with the zoom buttons, and the fit leaves room for the map when it is open. */}
        <Controls showInteractive={false} position="bottom-left">
          <ControlButton
            className="minimap-toggle"
            aria-pressed={mapOpen}
            aria-label={mapOpen ? t('minimapHide') : t('minimapShow')}
            title={mapOpen ? t('minimapHide') : t('minimapShow')}
            onClick={() => {
              setMapOpen(!mapOpen);
              saveMapOpen(!mapOpen);
            }}
          >
            <span aria-hidden="true">▦</span>
          </ControlButton>
        </Controls>
        {mapOpen && (
          <MiniMap
            pannable
            zoomable
            nodeColor={minimapColour}
            nodeStrokeWidth={0}
            ariaLabel={t('minimap')}
            style={{ marginBottom: 48 }}
          />
        )}
        <ConnectionRefusal />
      </ReactFlow>
    </div>
  );
}

const MAP_KEY = 'compact-studio/minimap';

function readMapOpen(): boolean {
  try {
    return localStorage.getItem(MAP_KEY) === 'open';
  } catch {
    return false;
  }
}

function saveMapOpen(open: boolean): void {
  try {
    localStorage.setItem(MAP_KEY, open ? 'open' : 'closed');
  } catch {
    // A blocked storage only forgets the choice at the next visit.
  }
}

/**
 * The wire of the design under a point of the screen, if a wire is the first thing there: a card,
 * the controls or the minimap above it take the drop themselves.
 */
function wireUnder(x: number, y: number, wires: ReadonlySet<string>): string | undefined {
  for (const el of document.elementsFromPoint(x, y)) {
    if (el.closest('.react-flow__node, .react-flow__panel') !== null) return undefined;
    const id = el.closest('.react-flow__edge')?.getAttribute('data-id');
    if (id !== undefined && id !== null) return wires.has(id) ? id : undefined;
  }
  return undefined;
}

function sameOffsets(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
