import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, setLanguage, type Language } from '../i18n';
import { useHistory, useStudio } from '../state/store';
import { keyLabel } from './shortcuts';
import { Menu } from './Menu';
import { ShareDialog } from './ShareDialog';
import { RecentDialog } from './RecentDialog';
import { ImageDialog } from './ImageDialog';
import type { RunCommand } from './use-commands';
import { newDesign, openAllBlocks } from './file-actions';
import { exportOnnxFile, importOnnxFile } from './onnx-actions';
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
  const [recent, setRecent] = useState(false);
  const { t, i18n } = useTranslation();
  const [picture, setPicture] = useState<'png' | 'svg' | undefined>(undefined);
  return (
    <header className="top-bar">
      <div className="brand" aria-hidden="true">
        <span className="logo" />
        {t('brand')}
      </div>
      {/* Looks like what it is: a field to type a new name in (a dashed edge and a pencil). */}
      <label className="design-name-field" title={t('renameHint')}>
        <input
          className="design-name"
          aria-label={t('designName')}
          value={name}
          spellCheck={false}
          onChange={(e) => {
            renameDesign(e.target.value);
          }}
        />
        <span className="design-name-pencil" aria-hidden="true">
          ✎
        </span>
      </label>
      <Menu
        label={t('menu.file')}
        items={[
          {
            label: t('menu.newDesign'),
            run: () => {
              void newDesign();
            },
          },
          {
            label: t('menu.recent'),
            run: () => {
              setRecent(true);
            },
          },
          {
            label: t('menu.open'),
            hint: `${mod}+O`,
            run: () => {
              run('open');
            },
          },
          {
            label: t('menu.save'),
            hint: `${mod}+S`,
            run: () => {
              run('save');
            },
          },
          {
            label: t('menu.share'),
            run: () => {
              setSharing(true);
            },
          },
          {
            label: t('menu.importOnnx'),
            run: () => {
              void pickFile('.onnx').then((file) => file && importOnnxFile(file));
            },
          },
          {
            label: t('menu.exportOnnx'),
            run: () => {
              void exportOnnxFile();
            },
          },
          {
            label: t('menu.exportDeploy'),
            run: () => {
              void exportOnnxFile(true);
            },
          },
          {
            label: t('menu.exportTorch'),
            run: () => {
              void import('./torch-actions').then((m) => m.exportTorchFile());
            },
          },
          {
            label: t('menu.exportTraining'),
            run: () => {
              void import('./training-actions').then((m) => m.exportTrainingProject());
            },
          },
          {
            label: t('menu.loadTrained'),
            run: () => {
              void import('./training-actions').then((m) => m.loadTrainedWeights());
            },
          },
          {
            label: t('menu.exportPng'),
            run: () => {
              setPicture('png');
            },
          },
          {
            label: t('menu.exportSvg'),
            run: () => {
              setPicture('svg');
            },
          },
        ]}
      />
      <Menu
        label={t('menu.view')}
        items={[
          {
            label: t('menu.layout'),
            hint: 'L',
            run: () => {
              run('layout');
            },
          },
          {
            label: t('menu.fit'),
            hint: 'F',
            run: () => {
              run('fit');
            },
          },
          {
            label: t('menu.openBlocks'),
            run: () => {
              openAllBlocks(true);
            },
          },
          {
            label: t('menu.closeBlocks'),
            run: () => {
              openAllBlocks(false);
            },
          },
          {
            label: t('menu.compare'),
            hint: 'D',
            run: () => {
              run('compare');
            },
          },
          {
            label: t('menu.shortcuts'),
            hint: '?',
            run: () => {
              run('help');
            },
          },
        ]}
      />
      <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
        <button
          type="button"
          className="icon-button"
          aria-label={t('toolbar.undo')}
          title={t('toolbar.undoTitle', { keys: `${mod}+Z` })}
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
          aria-label={t('toolbar.redo')}
          title={t('toolbar.redoTitle', { keys: `${mod}+Shift+Z` })}
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
          title={t('toolbar.layoutTitle')}
          onClick={() => {
            run('layout');
          }}
        >
          {t('toolbar.layout')}
        </button>
        <button
          type="button"
          className="button ghost"
          title={t('toolbar.fitTitle')}
          onClick={() => {
            run('fit');
          }}
        >
          {t('toolbar.fit')}
        </button>
        <span className="separator" />
        <select
          className="language-switch"
          aria-label={t('language')}
          value={i18n.language}
          onChange={(e) => {
            setLanguage(e.target.value as Language);
          }}
        >
          {languages.map((l) => (
            <option key={l} value={l}>
              {/* eslint-disable-next-line i18next/no-literal-string -- each language by its own name */}
              {l === 'en' ? 'English' : '中文'}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="icon-button"
          aria-label={theme === 'dark' ? t('toolbar.light') : t('toolbar.dark')}
          title={theme === 'dark' ? t('toolbar.light') : t('toolbar.dark')}
          onClick={() => {
            setTheme(theme === 'dark' ? 'light' : 'dark');
          }}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('menu.shortcuts')}
          title={t('toolbar.shortcutsTitle')}
          onClick={() => {
            run('help');
          }}
        >
          ?
        </button>
      </div>
      {picture !== undefined && (
        <ImageDialog
          format={picture}
          onClose={() => {
            setPicture(undefined);
          }}
        />
      )}
      {recent && (
        <RecentDialog
          onClose={() => {
            setRecent(false);
          }}
        />
      )}
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
