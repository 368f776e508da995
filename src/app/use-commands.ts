import { useMemo } from 'react';
import { layoutDesign } from '../canvas/auto-layout';
import { useCanvasCommands } from '../canvas/commands';
import { isBlockKind } from '../core/kinds';
import { i18next } from '../i18n';
import { studio } from '../state/store';
import { copySelection, pasteFromStore } from './clipboard';
import { openDesignFile, saveDesignFile } from './file-actions';
import { importOnnxFile, isOnnxFile } from './onnx-actions';
import { pickFile } from './pick-file';
import { neighbour, type Direction } from './navigate';
import type { CommandId } from './shortcuts';

export type RunCommand = (id: CommandId) => void;

/**
 * Focus follows the selection, so a screen reader reads the node's name. The canvas draws only what
 * is in view, so a node brought into view appears a few frames later: keep trying for a moment.
 */
function focusNode(id: string, frames = 40): void {
  const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  if (el !== null) el.focus();
  else if (frames > 0)
    requestAnimationFrame(() => {
      focusNode(id, frames - 1);
    });
}

export async function autoLayout(): Promise<void> {
  const s = studio.getState();
  const moved = await layoutDesign(s.design, new Set(s.openBlocks));
  const current = studio.getState();
  if (current.design !== s.design) return; // edited meanwhile: do not overwrite
  current.moveNodes(new Map(moved.nodes.map((n) => [n.id, n.position])));
  current.requestFit();
}

/** Every command of the app, by id: the shortcuts, the menus and the buttons all run these. */
export function useCommands(): RunCommand {
  const canvas = useCanvasCommands();
  return useMemo(() => {
    const run: RunCommand = (id) => {
      const s = studio.getState();
      switch (id) {
        case 'undo':
          studio.temporal.getState().undo();
          return;
        case 'redo':
          studio.temporal.getState().redo();
          return;
        case 'delete':
          s.removeSelected();
          return;
        case 'copy':
          copySelection(undefined);
          return;
        case 'cut':
          if (copySelection(undefined)) s.removeSelected();
          return;
        case 'paste':
          pasteFromStore();
          return;
        case 'duplicate':
          s.duplicateSelected();
          return;
        case 'selectAll':
          s.selectAll();
          return;
        case 'deselect':
          if (s.helpOpen) s.setHelpOpen(false);
          else if (s.compareOpen) s.setCompareOpen(false);
          else if (s.notice !== undefined) s.dismissNotice();
          else s.select([]);
          return;
        case 'toggleBlock': {
          const node = s.design.nodes.find((n) => n.id === s.selectedNodes[0]);
          if (s.selectedNodes.length === 1 && node !== undefined && isBlockKind(node.kind))
            s.toggleBlock(node.id);
          return;
        }
        case 'saveAsBlock': {
          const block = s.saveSelectionAsBlock(
            i18next.t('actions:blocks.name', { n: s.userBlocks.length + 1 }),
          );
          if (block !== undefined)
            s.notify({ text: i18next.t('actions:blocks.saved', { name: block.name }), tone: 'info' });
          return;
        }
        case 'layout':
          void autoLayout();
          return;
        case 'fit':
          canvas.fit();
          return;
        case 'zoomIn':
          canvas.zoomIn();
          return;
        case 'zoomOut':
          canvas.zoomOut();
          return;
        case 'search':
          document.querySelector<HTMLInputElement>('#palette-search')?.focus();
          return;
        case 'help':
          s.setHelpOpen(!s.helpOpen);
          return;
        case 'compare':
          s.setCompareOpen(!s.compareOpen);
          return;
        case 'save':
          saveDesignFile();
          return;
        case 'connect': {
          const [only] = s.selectedNodes;
          if (s.selectedNodes.length === 1 && only !== undefined) s.setConnectFrom(only);
          else s.notify({ text: i18next.t('actions:connect.pickOne'), tone: 'info' });
          return;
        }
        case 'inspect': {
          if (s.selectedNodes.length !== 1) {
            s.notify({ text: i18next.t('actions:inspect.pickOne'), tone: 'info' });
            return;
          }
          const focusField = (): boolean => {
            const field = document.querySelector<HTMLInputElement | HTMLSelectElement>(
              '.node-inspector [aria-label="Settings"] .param:nth-of-type(2) :is(input, select)',
            );
            field?.focus();
            if (field instanceof HTMLInputElement) field.select();
            return field !== null;
          };
          // At once when the inspector is showing (so the next keys land there), else once it renders.
          if (s.sideTab !== 'inspector' || !focusField()) {
            s.setSideTab('inspector');
            requestAnimationFrame(() => {
              focusField();
            });
          }
          return;
        }
        case 'goUp':
        case 'goDown':
        case 'goLeft':
        case 'goRight': {
          const [only] = s.selectedNodes;
          if (only === undefined) return;
          const direction = id.slice(2).toLowerCase() as Direction;
          const next = neighbour(s.design, only, direction);
          if (next === undefined) return;
          s.revealNode(next);
          focusNode(next);
          return;
        }
        case 'open':
          void pickFile('.json,application/json,.onnx').then(async (file) => {
            if (file === undefined) return;
            await ((await isOnnxFile(file)) ? importOnnxFile(file) : openDesignFile(file));
          });
          return;
      }
    };
    return run;
  }, [canvas]);
}
