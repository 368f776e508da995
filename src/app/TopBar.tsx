import { useState } from 'react';
import { exportPng, exportSvg } from '../canvas/export-image';
import { useHistory, useStudio } from '../state/store';
import { keyLabel } from './shortcuts';
import { Menu } from './Menu';
import { ShareDialog } from './ShareDialog';
import type { RunCommand } from './use-commands';
import { newDesign, openAllBlocks } from './file-actions';
import { exportOnnxFile, importOnnxFile } from './onnx-actions';
import { exportTorchFile } from './torch-actions';
import { pickFile } from './pick-file';

const mod = keyLabel('Ctrl');

/** Name of the design, the File menu, history, view and help. */
export function TopBar({ run }: { run: RunCommand }) {
  const name = useStudio((s) => s.design.name);
  const renameDesign = useStudio((s) => s.renameDesign);
  const theme = useStudio((s) => s.theme);
  const setTheme = useStudio((s) => s.setTheme);
  const canUndo = useHistory((h) => h.pastStates.length > 0);
  const canRedo = useHistory((h) => h.futureStates.length > 0);
  const [sharing, setSharing] = useState(false);
  return (
    <header className="top-bar">
      <div className="brand" aria-hidden="true">
        <span className="logo" />
        Compact Studio
      </div>
      <input
        className="design-name"
        aria-label="Design name"
        value={name}
        spellCheck={false}
        onChange={(e) => {
          renameDesign(e.target.value);
        }}
      />
      <Menu
        label="File"
        items={[
          { label: 'New design', run: newDesign },
          {
            label: 'Open…',
            hint: `${mod}+O`,
            run: () => {
              run('open');
            },
          },
          {
            label: 'Save',
            hint: `${mod}+S`,
            run: () => {
              run('save');
            },
          },
          {
            label: 'Share link…',
            run: () => {
              setSharing(true);
            },
          },
          {
            label: 'Import ONNX…',
            run: () => {
              void pickFile('.onnx').then((file) => file && importOnnxFile(file));
            },
          },
          {
            label: 'Export ONNX',
            run: () => {
              void exportOnnxFile();
            },
          },
          {
            label: 'Export deploy model (ONNX, batch norm folded)',
            run: () => {
              void exportOnnxFile(true);
            },
          },
          {
            label: 'Export PyTorch',
            run: () => {
              void exportTorchFile();
            },
          },
          {
            label: 'Export PNG',
            run: () => {
              void exportPng();
            },
          },
          {
            label: 'Export SVG',
            run: () => {
              exportSvg();
            },
          },
        ]}
      />
      <Menu
        label="View"
        items={[
          {
            label: 'Auto-layout',
            hint: 'L',
            run: () => {
              run('layout');
            },
          },
          {
            label: 'Fit the design',
            hint: 'F',
            run: () => {
              run('fit');
            },
          },
          {
            label: 'Open all blocks',
            run: () => {
              openAllBlocks(true);
            },
          },
          {
            label: 'Close all blocks',
            run: () => {
              openAllBlocks(false);
            },
          },
          {
            label: 'Keyboard shortcuts',
            hint: '?',
            run: () => {
              run('help');
            },
          },
        ]}
      />
      <div className="toolbar" role="toolbar" aria-label="Edit and view">
        <button
          type="button"
          className="icon-button"
          aria-label="Undo"
          title={`Undo (${mod}+Z)`}
          disabled={!canUndo}
          onClick={() => {
            run('undo');
          }}
        >
          ↶
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Redo"
          title={`Redo (${mod}+Shift+Z)`}
          disabled={!canRedo}
          onClick={() => {
            run('redo');
          }}
        >
          ↷
        </button>
        <span className="separator" />
        <button
          type="button"
          className="button ghost"
          title="Auto-layout (L)"
          onClick={() => {
            run('layout');
          }}
        >
          Layout
        </button>
        <button
          type="button"
          className="button ghost"
          title="Fit the design in view (F)"
          onClick={() => {
            run('fit');
          }}
        >
          Fit
        </button>
        <span className="separator" />
        <button
          type="button"
          className="icon-button"
          aria-label={theme === 'dark' ? 'Light theme' : 'Dark theme'}
          title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
          onClick={() => {
            setTheme(theme === 'dark' ? 'light' : 'dark');
          }}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={() => {
            run('help');
          }}
        >
          ?
        </button>
      </div>
      {sharing && (
        <ShareDialog
          onClose={() => {
            setSharing(false);
          }}
        />
      )}
    </header>
  );
}
