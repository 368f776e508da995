/** One keyboard shortcut: how it is shown, and which key event triggers it. */
export interface Shortcut {
  readonly id: CommandId;
  readonly label: string;
  readonly group: 'Edit' | 'View' | 'File' | 'Blocks';
  /** As shown in the help overlay: ["Ctrl", "Z"]. */
  readonly keys: readonly string[];
  /** Other key combinations that do the same. */
  readonly alternatives?: readonly (readonly string[])[];
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

export const shortcuts: readonly Shortcut[] = [
  { id: 'undo', label: 'Undo', group: 'Edit', keys: ['Ctrl', 'Z'] },
  { id: 'redo', label: 'Redo', group: 'Edit', keys: ['Ctrl', 'Shift', 'Z'], alternatives: [['Ctrl', 'Y']] },
  {
    id: 'delete',
    label: 'Delete the selection',
    group: 'Edit',
    keys: ['Delete'],
    alternatives: [['Backspace']],
  },
  { id: 'copy', label: 'Copy (also into another tab)', group: 'Edit', keys: ['Ctrl', 'C'] },
  { id: 'cut', label: 'Cut', group: 'Edit', keys: ['Ctrl', 'X'] },
  { id: 'paste', label: 'Paste', group: 'Edit', keys: ['Ctrl', 'V'] },
  { id: 'duplicate', label: 'Duplicate', group: 'Edit', keys: ['Ctrl', 'D'] },
  { id: 'selectAll', label: 'Select everything', group: 'Edit', keys: ['Ctrl', 'A'] },
  { id: 'deselect', label: 'Clear the selection, close dialogs', group: 'Edit', keys: ['Escape'] },
  {
    id: 'inspect',
    label: 'Edit the selected node’s settings (Escape goes back to the node)',
    group: 'Edit',
    keys: ['F2'],
  },
  { id: 'connect', label: 'Connect the selected node’s output to an input', group: 'Edit', keys: ['C'] },
  { id: 'goDown', label: 'Go to the next node along the wire', group: 'Edit', keys: ['Alt', '↓'] },
  { id: 'goUp', label: 'Go to the node before', group: 'Edit', keys: ['Alt', '↑'] },
  {
    id: 'goLeft',
    label: 'Go to a neighbour fed by the same node',
    group: 'Edit',
    keys: ['Alt', '←'],
    alternatives: [['Alt', '→']],
  },
  { id: 'toggleBlock', label: 'Open or close the selected block', group: 'Blocks', keys: ['Enter'] },
  { id: 'saveAsBlock', label: 'Save the selection to My blocks', group: 'Blocks', keys: ['Ctrl', 'G'] },
  { id: 'layout', label: 'Auto-layout', group: 'View', keys: ['L'] },
  { id: 'fit', label: 'Fit the design in view', group: 'View', keys: ['F'] },
  { id: 'zoomIn', label: 'Zoom in', group: 'View', keys: ['+'] },
  { id: 'zoomOut', label: 'Zoom out', group: 'View', keys: ['-'] },
  { id: 'search', label: 'Search the palette', group: 'View', keys: ['/'] },
  { id: 'compare', label: 'Compare two designs side by side', group: 'View', keys: ['D'] },
  { id: 'help', label: 'Show this help', group: 'View', keys: ['?'] },
  { id: 'save', label: 'Save the design as a file', group: 'File', keys: ['Ctrl', 'S'] },
  { id: 'open', label: 'Open a design file', group: 'File', keys: ['Ctrl', 'O'] },
];

/** Mouse gestures of the canvas, listed beside the keys. */
export const gestures: readonly { readonly what: string; readonly how: string }[] = [
  {
    what: 'Add a node',
    how: 'Drag it from the palette, or press Enter on it: it goes into the wire after the selected node (Shift+Enter: as a branch)',
  },
  { what: 'Connect', how: 'Drag from an output (bottom dot) to an input (top dot)' },
  { what: 'Select several', how: 'Shift-click, or Shift-drag a box on the empty canvas' },
  { what: 'Move', how: 'Drag a node; arrow keys nudge the focused node' },
  { what: 'Pan and zoom', how: 'Drag the empty canvas; scroll or pinch to zoom' },
  { what: 'Open a block', how: 'Its ▸ button, or select it and press Enter' },
];

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
