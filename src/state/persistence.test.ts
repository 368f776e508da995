import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../core/graph/builder';
import { serializeDesign } from '../core/document/format';
import { memoryStorage } from './memory-storage';
import { readPrefs, readSavedDesign, readUserBlocks, startAutosave, storageKeys } from './persistence';
import { readShareHash, shareHash } from './share';
import { createStudioStore } from './store';
import { fragmentToText, textToFragment } from './fragment-text';

function small() {
  const g = new GraphBuilder();
  g.output(g.add('ReLU', {}, [g.add('Input', {}, [], 'input')], 'relu'));
  return g.design('small');
}

describe('autosave', () => {
  it('writes the design on every change and reads it back validated', () => {
    const storage = memoryStorage();
    const store = createStudioStore();
    store.getState().replaceDesign(small(), { fresh: true });
    const stop = startAutosave(store, storage);
    store.getState().renameDesign('renamed');
    const saved = readSavedDesign(storage);
    expect(saved.kind === 'ok' && saved.design.name).toBe('renamed');
    store.getState().setTheme('dark');
    expect(readPrefs(storage).theme).toBe('dark');
    stop();
  });

  it('does not write when only the selection changes', () => {
    const storage = memoryStorage();
    const store = createStudioStore();
    startAutosave(store, storage);
    store.getState().select(['n1']);
    expect(storage.data.has(storageKeys.design)).toBe(false);
  });

  it('reports a damaged autosave instead of crashing', () => {
    expect(
      readSavedDesign(memoryStorage({ [storageKeys.design]: '{"format":"compact-studio-design"' })).kind,
    ).toBe('damaged');
    expect(readSavedDesign(memoryStorage()).kind).toBe('none');
    expect(readPrefs(memoryStorage({ [storageKeys.prefs]: 'nonsense' }))).toEqual({});
  });

  it('keeps user blocks across a reload', () => {
    const storage = memoryStorage();
    const store = createStudioStore();
    store.getState().replaceDesign(small(), { fresh: true });
    startAutosave(store, storage);
    store.getState().select(['n2']);
    store.getState().saveSelectionAsBlock('mine');
    const blocks = readUserBlocks(storage);
    expect(blocks.map((b) => b.name)).toEqual(['mine']);
    expect(blocks[0]?.fragment.nodes.map((n) => n.kind)).toEqual(['ReLU']);
  });
});

describe('imported weights', () => {
  const weighted = () => ({ ...small(), weights: { relu: { W: 'AACAPw==' } } });

  it('autosave keeps them under their own key, written only when they change', () => {
    const storage = memoryStorage();
    const store = createStudioStore();
    store.getState().replaceDesign(small(), { fresh: true });
    startAutosave(store, storage);
    store.getState().replaceDesign(weighted());
    expect(storage.data.get(storageKeys.design)).not.toContain('AACAPw');
    expect(storage.data.get(storageKeys.weights)).toContain('AACAPw');
    storage.data.set(storageKeys.weights, JSON.stringify({ relu: { W: 'AAAAAA==' } }));
    store.getState().renameDesign('renamed');
    // Same weights object: not written again.
    expect(storage.data.get(storageKeys.weights)).toContain('AAAAAA');
    const saved = readSavedDesign(storage);
    expect(saved.kind === 'ok' && saved.design.name).toBe('renamed');
    expect(saved.kind === 'ok' && saved.design.weights).toEqual({ relu: { W: 'AAAAAA==' } });
    store.getState().replaceDesign(small());
    expect(storage.data.has(storageKeys.weights)).toBe(false);
  });

  it('says so when the weights do not fit, saves the design without them and drops stale ones', () => {
    const base = memoryStorage({ [storageKeys.weights]: JSON.stringify({ old: { W: 'AAAAAA==' } }) });
    const storage = {
      ...base,
      getItem: (k: string) => base.getItem(k),
      removeItem: (k: string) => {
        base.removeItem(k);
      },
      setItem: (k: string, v: string) => {
        if (k === storageKeys.weights) throw new Error('QuotaExceededError');
        base.setItem(k, v);
      },
    };
    const store = createStudioStore();
    store.getState().replaceDesign(small(), { fresh: true });
    startAutosave(store, storage);
    store.getState().replaceDesign({ ...weighted(), name: 'imported' });
    expect(store.getState().notice?.text).toMatch(/too big to autosave/);
    const saved = readSavedDesign(storage);
    expect(saved.kind === 'ok' && saved.design.name).toBe('imported');
    expect(saved.kind === 'ok' && saved.design.weights).toBeUndefined();
  });

  it('stay out of share links', () => {
    const hash = shareHash(weighted());
    const back = readShareHash(hash);
    expect(back?.ok === true && back.design.weights).toBeUndefined();
    expect(back?.ok === true && back.design.nodes).toHaveLength(3);
  });
});

describe('share links and the clipboard', () => {
  it('round-trips a design through the hash', () => {
    const design = small();
    const hash = shareHash(design);
    expect(hash.startsWith('#design=')).toBe(true);
    const back = readShareHash(hash);
    expect(back?.ok === true && serializeDesign(back.design)).toBe(serializeDesign(design));
  });

  it('says when a link is damaged, and ignores other hashes', () => {
    expect(readShareHash('#design=%%%')?.ok).toBe(false);
    expect(readShareHash('#other')).toBeUndefined();
  });

  it('carries copied nodes as a validated document', () => {
    const d = small();
    const text = fragmentToText({ nodes: d.nodes.slice(0, 2), edges: d.edges.slice(0, 1) });
    expect(textToFragment(text)?.nodes).toHaveLength(2);
    expect(textToFragment('hello')).toBeUndefined();
  });
});
