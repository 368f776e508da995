import { i18next } from '../i18n';

/** A key as printed on the keyboard; shown as it is in every language ("Ctrl" reads "⌘" on a Mac). */
export type KeyName =
  | 'Ctrl'
  | 'Shift'
  | 'Alt'
  | 'Delete'
  | 'Backspace'
  | 'Escape'
  | 'Enter'
  | 'F2'
  | '↑'
  | '↓'
  | '←'
  | '→'
  | '+'
  | '-'
  | '/'
  | '?'
  | 'A'
  | 'C'
  | 'D'
  | 'F'
  | 'G'
  | 'L'
  | 'O'
  | 'S'
  | 'V'
  | 'X'
  | 'Y'
  | 'Z';

/** A key combination: ["Ctrl", "Z"]. */
const chord = (...keys: KeyName[]): readonly KeyName[] => keys;

export type ShortcutGroup = 'Edit' | 'View' | 'File' | 'Blocks';

/** One keyboard shortcut: which key event triggers it, and where the help lists it. */
export interface Shortcut {
  readonly id: ShortcutId;
  readonly group: ShortcutGroup;
  /** As shown in the help overlay: ["Ctrl", "Z"]. */
  readonly keys: readonly KeyName[];
  /** Other key combinations that do the same. */
  readonly alternatives?: readonly (readonly KeyName[])[];
}

export type CommandId =
  | 'undo'
  | 'redo'
  | 'delete'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'duplicate'
  | 'selectAll'
  | 'deselect'
  | 'toggleBlock'
  | 'saveAsBlock'
  | 'layout'
  | 'fit'
  | 'zoomIn'
  | 'zoomOut'
  | 'search'
  | 'help'
  | 'compare'
  | 'save'
  | 'open'
  | 'connect'
  | 'inspect'
  | 'goUp'
  | 'goDown'
  | 'goLeft'
  | 'goRight';

/** The commands the help lists (Alt+→ is listed with Alt+←). */
export type ShortcutId = Exclude<CommandId, 'goRight'>;

export const shortcuts: readonly Shortcut[] = [
  { id: 'undo', group: 'Edit', keys: chord('Ctrl', 'Z') },
  { id: 'redo', group: 'Edit', keys: chord('Ctrl', 'Shift', 'Z'), alternatives: [chord('Ctrl', 'Y')] },
  { id: 'delete', group: 'Edit', keys: chord('Delete'), alternatives: [chord('Backspace')] },
  { id: 'copy', group: 'Edit', keys: chord('Ctrl', 'C') },
  { id: 'cut', group: 'Edit', keys: chord('Ctrl', 'X') },
  { id: 'paste', group: 'Edit', keys: chord('Ctrl', 'V') },
  { id: 'duplicate', group: 'Edit', keys: chord('Ctrl', 'D') },
  { id: 'selectAll', group: 'Edit', keys: chord('Ctrl', 'A') },
  { id: 'deselect', group: 'Edit', keys: chord('Escape') },
  { id: 'inspect', group: 'Edit', keys: chord('F2') },
  { id: 'connect', group: 'Edit', keys: chord('C') },
  { id: 'goDown', group: 'Edit', keys: chord('Alt', '↓') },
  { id: 'goUp', group: 'Edit', keys: chord('Alt', '↑') },
  { id: 'goLeft', group: 'Edit', keys: chord('Alt', '←'), alternatives: [chord('Alt', '→')] },
  { id: 'toggleBlock', group: 'Blocks', keys: chord('Enter') },
  { id: 'saveAsBlock', group: 'Blocks', keys: chord('Ctrl', 'G') },
  { id: 'layout', group: 'View', keys: chord('L') },
  { id: 'fit', group: 'View', keys: chord('F') },
  { id: 'zoomIn', group: 'View', keys: chord('+') },
  { id: 'zoomOut', group: 'View', keys: chord('-') },
  { id: 'search', group: 'View', keys: chord('/') },
  { id: 'compare', group: 'View', keys: chord('D') },
  { id: 'help', group: 'View', keys: chord('?') },
  { id: 'save', group: 'File', keys: chord('Ctrl', 'S') },
  { id: 'open', group: 'File', keys: chord('Ctrl', 'O') },
];

/** What a shortcut does, in the current language: "Undo". */
export const shortcutLabel = (id: ShortcutId): string => i18next.t(`shell:help.shortcut.${id}`);

/** A group's heading in the help, in the current language: "Edit". */
export const groupLabel = (group: ShortcutGroup): string => i18next.t(`shell:help.groups.${group}`);

export type GestureId = 'add' | 'connect' | 'select' | 'move' | 'pan' | 'openBlock';

/** Mouse gestures of the canvas, listed beside the keys. */
export const gestures: readonly GestureId[] = ['add', 'connect', 'select', 'move', 'pan', 'openBlock'];

/** A gesture's name and how it is done, in the current language. */
export const gestureText = (id: GestureId): { readonly what: string; readonly how: string } => ({
  what: i18next.t(`shell:help.gesture.${id}.what`),
  how: i18next.t(`shell:help.gesture.${id}.how`),
});

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** "Ctrl" reads "⌘" on a Mac. */
export const keyLabel = (key: string): string => (key === 'Ctrl' && isMac ? '⌘' : key);

/** Which command a key event asks for, if any. */
export function commandFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): CommandId | undefined {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) {
    if (mod || e.shiftKey) return undefined;
    const arrows: Readonly<Record<string, CommandId>> = {
      ArrowUp: 'goUp',
      ArrowDown: 'goDown',
      ArrowLeft: 'goLeft',
      ArrowRight: 'goRight',
    };
    return arrows[e.key];
  }
  if (mod) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    if (key === 'd') return 'duplicate';
    if (key === 'a') return 'selectAll';
    if (key === 'g') return 'saveAsBlock';
    if (key === 's') return 'save';
    if (key === 'o') return 'open';
    return undefined; // copy, cut and paste arrive as clipboard events
  }
  switch (key) {
    case 'Delete':
    case 'Backspace':
      return 'delete';
    case 'Escape':
      return 'deselect';
    case 'F2':
      return 'inspect';
    case 'Enter':
      return 'toggleBlock';
    case 'l':
      return 'layout';
    case 'd':
      return 'compare';
    case 'c':
      return 'connect';
    case 'f':
      return 'fit';
    case '+':
    case '=':
      return 'zoomIn';
    case '-':
      return 'zoomOut';
    case '/':
      return 'search';
    case '?':
      return 'help';
    default:
      return undefined;
  }
}
