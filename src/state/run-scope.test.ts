import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../core/design/builder';
import type { Design } from '../core/design/design-types';
import { selectNodeTime, selectNodeTimeShare, selectTimesEarlier } from './run-slice';
import { scopeOf, standingOf } from './run-scope';
import { createStudioStore } from './store';

/** input 1×3×32×32 → stem (conv to 16) → act (ReLU) → head (conv to 8) → out. */
function chain(name = 'chain'): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 32, width: 32 }, [], 'input');
  const stem = g.add('Conv2d', { outChannels: 16 }, [x], 'stem');
  const act = g.add('ReLU', {}, [stem], 'act');
  const head = g.add('Conv2d', { outChannels: 8 }, [act], 'head');
  g.output(head, 'out');
  return g.design(name);
}

const idOf = (d: Design, label: string): string => d.nodes.find((n) => n.label === label)?.id ?? '';

/** A store that ran `chain` (times for its three middle nodes). */
function ran() {
  const store = createStudioStore();
  store.getState().openDocument(chain());
  const s = store.getState();
  const d = s.design;
  s.setRunTimes({
    designKey: 'k',
    byNode: { [idOf(d, 'stem')]: 2, [idOf(d, 'act')]: 1, [idOf(d, 'head')]: 1 },
    totalMs: 4,
    backend: 'WASM',
    scope: scopeOf(s.documentId, d),
  });
  return { store, d };
}

describe('a run belongs to the design revision it ran', () => {
  it('shows on its own revision', () => {
    const { store, d } = ran();
    expect(selectNodeTime(idOf(d, 'stem'))(store.getState())).toBe(2);
    expect(selectNodeTimeShare(idOf(d, 'stem'))(store.getState())).toBe(0.5);
    expect(selectTimesEarlier(store.getState())).toBe(false);
  });

  it('never shows on another document, even one with the same node ids', () => {
    const { store, d } = ran();
    // The same design opened again is another document: its nodes have the same ids.
    store.getState().openDocument(chain('copy'));
    for (const label of ['stem', 'act', 'head'])
      expect(selectNodeTime(idOf(d, label))(store.getState())).toBeUndefined();
    expect(standingOf(store.getState().runTimes?.scope, store.getState().documentId, d)).toBe('other');
  });

  it('on an edited version: shown as earlier, and gone where a node changed', () => {
    const { store, d } = ran();
    // Widening stem changes stem and what reads it (act's input shape); head is as it was.
    store.getState().setParams(idOf(d, 'stem'), { outChannels: 24 });
    const s = store.getState();
    expect(selectTimesEarlier(s)).toBe(true);
    expect(selectNodeTime(idOf(d, 'stem'))(s)).toBeUndefined();
    expect(selectNodeTime(idOf(d, 'act'))(s)).toBeUndefined();
    expect(selectNodeTime(idOf(d, 'head'))(s)).toBeUndefined();
    // A change that leaves the computation alone (a move, a rename) keeps it current.
    store.temporal.getState().undo();
    store.getState().renameDesign('renamed');
    expect(selectTimesEarlier(store.getState())).toBe(false);
    expect(selectNodeTime(idOf(d, 'head'))(store.getState())).toBe(1);
  });

  it('a change downstream leaves the nodes before it with their times', () => {
    const { store, d } = ran();
    store.getState().setParams(idOf(d, 'head'), { outChannels: 4 });
    const s = store.getState();
    expect(selectTimesEarlier(s)).toBe(true);
    expect(selectNodeTime(idOf(d, 'stem'))(s)).toBe(2);
    expect(selectNodeTime(idOf(d, 'act'))(s)).toBe(1);
    expect(selectNodeTime(idOf(d, 'head'))(s)).toBeUndefined();
  });
});
