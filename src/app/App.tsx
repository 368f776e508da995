import { lazy, Suspense, useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Canvas } from '../canvas/Canvas';
import { useCanvasCommands } from '../canvas/commands';
import type { Position } from '../core/design/design-types';
import { CostDrawer } from '../panels/cost/CostDrawer';
import { Palette } from '../panels/palette/Palette';
import type { CatalogueItem } from '../state/catalogue-item';
import { useStudio } from '../state/store';
import { importOnnxFile, isOnnxFile } from './onnx-actions';
import { openDesignFile } from './file-actions';
import { ConnectDialog } from './ConnectDialog';
import { ErrorBoundary } from './ErrorBoundary';
import { HelpOverlay } from './HelpOverlay';
import { activateItem, insertItem, placeItem } from './item-actions';
import { NoticeView } from './NoticeView';
import { SidePanel } from './SidePanel';
import { SkipLinks } from './SkipLinks';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { useCommands } from './use-commands';
import { useKeyboard } from './use-keyboard';
import { useFirstFrameDrawn } from './use-first-frame';

/** The page: top bar, palette, canvas, side tabs, status bar. */
// The compare dialog (its charts and slides) loads when it is first opened, not with the page.
const CompareBody = lazy(() =>
  import('../panels/compare/CompareDialog').then((m) => ({ default: m.CompareDialog })),
);

function CompareDialog() {
  const open = useStudio((s) => s.compareOpen);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <CompareBody />
    </Suspense>
  );
}

export function App() {
  const theme = useStudio((s) => s.theme);
  const { t } = useTranslation();
  const run = useCommands();
  const canvas = useCanvasCommands();
  const firstFrameDrawn = useFirstFrameDrawn();
  useKeyboard(run);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const onActivate = useCallback(
    (item: CatalogueItem, options?: { branch?: boolean }) => {
      activateItem(item, canvas.centre(), options);
    },
    [canvas],
  );
  // A block or a layer dropped on a wire goes into it, as Enter puts it into a selected wire.
  const onDropItem = useCallback((item: CatalogueItem, position: Position, wire: string | undefined) => {
    if (item.type === 'node' && wire !== undefined) insertItem(item, { wire }, false);
    else placeItem(item, position);
  }, []);
  const onDropFile = useCallback((file: File) => {
    void isOnnxFile(file).then((onnx) => (onnx ? importOnnxFile(file) : openDesignFile(file)));
  }, []);
  return (
    <div className="app">
      <SkipLinks />
      <TopBar run={run} />
      <ErrorBoundary region={t('regions.palette')}>
        {firstFrameDrawn ? (
          <Palette onActivate={onActivate} />
        ) : (
          // The canvas first: the palette's box is there, its catalogue fills it a frame later.
          <nav className="palette" aria-label={t('palette:label')} aria-busy="true" />
        )}
      </ErrorBoundary>
      <main className="workspace" id="canvas" tabIndex={-1} aria-label={t('regions.canvasLabel')}>
        <ErrorBoundary region={t('regions.canvas')}>
          <Canvas onDropItem={onDropItem} onDropFile={onDropFile} />
        </ErrorBoundary>
        <ErrorBoundary region={t('regions.layerTable')}>
          <CostDrawer />
        </ErrorBoundary>
      </main>
      <ErrorBoundary region={t('regions.sidePanel')}>
        <SidePanel />
      </ErrorBoundary>
      <StatusBar />
      <HelpOverlay />
      <ConnectDialog />
      <ErrorBoundary region={t('regions.compare')}>
        <CompareDialog />
      </ErrorBoundary>
      <NoticeView />
    </div>
  );
}
