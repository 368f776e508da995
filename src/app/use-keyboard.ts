import { useEffect } from 'react';
import { copySelection, pasteFromStore, pasteText } from './clipboard';
import { commandFor } from './shortcuts';
import type { RunCommand } from './use-commands';
import { studio } from '../state/store';

/** Typing in a field, or pressing keys on a button, is not a shortcut. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const isActivatable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (['BUTTON', 'A', 'SUMMARY'].includes(target.tagName) || target.getAttribute('role') === 'option');

/** The app's shortcuts and clipboard, on the whole window. */
export function useKeyboard(run: RunCommand): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const id = commandFor(e);
      if (id === undefined) return;
      const editing = isEditable(e.target);
      if (editing && id !== 'save' && id !== 'open' && id !== 'inspect') return;
      if (id === 'deselect' && editing) return;
      if (
        (id === 'toggleBlock' || id === 'delete') &&
        isActivatable(e.target) &&
        !(e.target as HTMLElement).closest('.react-flow__node')
      )
        return;
      if (studio.getState().helpOpen && id !== 'help' && id !== 'deselect') return;
      if (studio.getState().connectFrom !== undefined) return; // the connect dialog has the keys
      e.preventDefault();
      run(id);
    };
    // Alt+arrows walk the wires; caught before React Flow, which would move the node instead.
    const onWalk = (e: KeyboardEvent) => {
      if (!e.altKey || !e.key.startsWith('Arrow') || isEditable(e.target)) return;
      const id = commandFor(e);
      if (id === undefined) return;
      e.preventDefault();
      e.stopPropagation();
      run(id);
    };
    const onCopy = (e: ClipboardEvent) => {
      if (isEditable(e.target) || hasTextSelection()) return;
      if (copySelection(e)) e.preventDefault();
    };
    const onCut = (e: ClipboardEvent) => {
      if (isEditable(e.target) || hasTextSelection()) return;
      if (copySelection(e)) {
        e.preventDefault();
        studio.getState().removeSelected();
      }
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isEditable(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text === '' ? pasteFromStore() : pasteText(text)) e.preventDefault();
    };
    window.addEventListener('keydown', onWalk, true);
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onWalk, true);
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [run]);
}

function hasTextSelection(): boolean {
  const sel = window.getSelection();
  return sel !== null && !sel.isCollapsed;
}
