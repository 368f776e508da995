import { afterAll, describe, expect, it } from 'vitest';
import { i18next } from '../i18n';
import { commandFor, gestures, gestureText, groupLabel, shortcutLabel, shortcuts } from './shortcuts';

/** The help overlay's rows as an English reader sees them today: group, what it does, keys. */
const english = [
  ['Edit', 'Undo', 'Ctrl Z'],
  ['Edit', 'Redo', 'Ctrl Shift Z'],
  ['Edit', 'Delete the selection', 'Delete'],
  ['Edit', 'Copy (also into another tab)', 'Ctrl C'],
  ['Edit', 'Cut', 'Ctrl X'],
  ['Edit', 'Paste', 'Ctrl V'],
  ['Edit', 'Duplicate', 'Ctrl D'],
  ['Edit', 'Select everything', 'Ctrl A'],
  ['Edit', 'Clear the selection, close dialogs', 'Escape'],
  ['Edit', 'Edit the selected node’s settings (Escape goes back to the node)', 'F2'],
  ['Edit', 'Connect the selected node’s output to an input', 'C'],
  ['Edit', 'Go to the next node along the wire', 'Alt ↓'],
  ['Edit', 'Go to the node before', 'Alt ↑'],
  ['Edit', 'Go to a neighbour fed by the same node', 'Alt ←'],
  ['Blocks', 'Open or close the selected block', 'Enter'],
  ['Blocks', 'Save the selection to My blocks', 'Ctrl G'],
  ['View', 'Auto-layout', 'L'],
  ['View', 'Fit the design in view', 'F'],
  ['View', 'Zoom in', '+'],
  ['View', 'Zoom out', '-'],
  ['View', 'Search the palette', '/'],
  ['View', 'Compare two designs side by side', 'D'],
  ['View', 'Show this help', '?'],
  ['File', 'Save the design as a file', 'Ctrl S'],
  ['File', 'Open a design file', 'Ctrl O'],
];

const englishGestures = [
  [
    'Add a node',
    'Drag it from the palette, or press Enter on it: it goes into the wire after the selected node (Shift+Enter: as a branch)',
  ],
  ['Connect', 'Drag from an output (bottom dot) to an input (top dot)'],
  ['Select several', 'Shift-click, or Shift-drag a box on the empty canvas'],
  ['Move', 'Drag a node; arrow keys nudge the focused node'],
  ['Pan and zoom', 'Drag the empty canvas; scroll or pinch to zoom'],
  ['Open a block', 'Its ▸ button, or select it and press Enter'],
];

const rows = (): string[][] =>
  shortcuts.map((s) => [groupLabel(s.group), shortcutLabel(s.id), s.keys.join(' ')]);
const gestureRows = (): string[][] =>
  gestures.map((id) => {
    const g = gestureText(id);
    return [g.what, g.how];
  });

/** Runs of three or more Latin letters that are not key or product names: English left untranslated. */
const keyOrProduct = new Set([
  'Ctrl',
  'Shift',
  'Alt',
  'Enter',
  'Escape',
  'Delete',
  'Backspace',
  'ONNX',
  'PyTorch',
]);
const english3 = (text: string): string[] =>
  (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !keyOrProduct.has(w));

describe('the shortcut list', () => {
  afterAll(async () => {
    await i18next.changeLanguage('en');
  });

  it('reads in English as it always has', async () => {
    await i18next.changeLanguage('en');
    expect(rows()).toEqual(english);
    expect(gestureRows()).toEqual(englishGestures);
  });

  it('reads in Chinese when the language is switched, with only key names left in Latin letters', async () => {
    await i18next.changeLanguage('zh');
    const zh = [...rows().flatMap((r) => r.slice(0, 2)), ...gestureRows().flat()];
    expect(zh).toHaveLength(english.length * 2 + englishGestures.length * 2);
    for (const text of zh) {
      expect(english3(text), text).toEqual([]);
      expect(text, text).toMatch(/\p{Script=Han}/u);
    }
    expect(shortcutLabel('undo')).toBe('撤销');
    expect(shortcutLabel('redo')).toBe('重做');
    expect(groupLabel('Blocks')).toBe('模块');
    // Key names stay as printed on the keyboard.
    expect(rows().map((r) => r[2])).toEqual(english.map((r) => r[2]));
  });

  it('switches back: the labels are looked up when shown, not once at load', async () => {
    await i18next.changeLanguage('zh');
    const zh = shortcutLabel('compare');
    await i18next.changeLanguage('en');
    expect(shortcutLabel('compare')).toBe('Compare two designs side by side');
    expect(zh).not.toBe('Compare two designs side by side');
  });

  it('maps each listed key to its command', () => {
    const press = (key: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}) =>
      commandFor({
        key,
        ctrlKey: mods.ctrl === true,
        metaKey: false,
        shiftKey: mods.shift === true,
        altKey: mods.alt === true,
      });
    expect(press('z', { ctrl: true })).toBe('undo');
    expect(press('Z', { ctrl: true, shift: true })).toBe('redo');
    expect(press('y', { ctrl: true })).toBe('redo');
    expect(press('F2')).toBe('inspect');
    expect(press('ArrowRight', { alt: true })).toBe('goRight');
    expect(press('c')).toBe('connect');
    expect(press('c', { ctrl: true })).toBeUndefined();
  });
});
