import { extractFragment } from '../core/design/edit';
import { fragmentToText, textToFragment } from '../state/fragment-text';
import { storageKeys } from '../state/persistence';
import { studio } from '../state/store';

const PASTE_STEP = 40;
let pasteCount = 0;

/**
 * Copies the selected nodes into the clipboard event (so they paste into another tab or app) and
 * into localStorage (for the menu and when the clipboard is unavailable). False when nothing is selected.
 */
export function copySelection(event: ClipboardEvent | undefined): boolean {
  const { design, selectedNodes } = studio.getState();
  if (selectedNodes.length === 0) return false;
  const text = fragmentToText(extractFragment(design, selectedNodes));
  event?.clipboardData?.setData('text/plain', text);
  try {
    localStorage.setItem(storageKeys.clipboard, text);
  } catch {
    // The clipboard event still carries it.
  }
  pasteCount = 0;
  return true;
}

/** Pastes copied nodes (validated like a file); text that is not a design is ignored. */
export function pasteText(text: string): boolean {
  const fragment = textToFragment(text);
  if (fragment === undefined || fragment.nodes.length === 0) return false;
  pasteCount += 1;
  studio.getState().insertFragment(fragment, { x: PASTE_STEP * pasteCount, y: PASTE_STEP * pasteCount });
  return true;
}

export function pasteFromStore(): boolean {
  try {
    const text = localStorage.getItem(storageKeys.clipboard);
    return text !== null && pasteText(text);
  } catch {
    return false;
  }
}
