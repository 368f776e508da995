import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../core/design/builder';
import { serializeDesign } from '../core/document/format';
import { i18next } from '../i18n';
import { memoryStorage } from './memory-storage';
import type { Design, DesignWeights } from '../core/design/design-types';
import { legacyKeys, type DesignStore } from './design-store';
import {
  readAutosave,
  readPrefs,
  readSavedDesign,
  readUserBlocks,
  startAutosave,
  storageKeys,
} from './persistence';
import { readShareHash, shareHash } from './share';
import { createStudioStore } from './store';
import { fragmentToText, textToFragment } from './fragment-text';

function small() {
  const g = new GraphBuilder();
  g.output(g.add('ReLU', {}, [g.add('Input', {}, [], 'input')], 'relu'));
  return g.design('small');
}

/** A design store in memory that records every write; `refuse` makes writes with weights fail. */
function memoryDesignStore(refuse?: (weights: object | null | undefined) => Error | undefined) {
  const data: { design?: string; weights?: unknown } = {};
  const writes: { design: string; weights: object | null | undefined }[] = [];
  const store: DesignStore = {
    read: () => Promise.resolve({ design: data.design, weights: data.weights }),
    write: (design, weights) => {
      const error = refuse?.(weights);
      if (error !== undefined) return Promise.reject(error);
      writes.push({ design, weights });
      data.design = design;
      if (weights !== undefined) data.weights = weights;
      return Promise.resolve();
    },
  };
  return { store, data, writes };
}

const quota = (): Error =>
  Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('autosave', () => {
  it('writes the design on every change and reads it back validated', async () => {
    const { store: designs, data } = memoryDesignStore();
    const storage = memoryStorage();
    const store = createStudioStore();
    store.getState().replaceDesign(small(), { fresh: true });
    const autosave = startAutosave(store, designs, storage);
    store.getState().renameDesign('renamed');
    await autosave.idle();
    const saved = readSavedDesign({ design: data.design, weights: data.weights });
    expect(saved.kind === 'ok' && saved.design.name).toBe('renamed');
    store.getState().setTheme('dark');
    expect(readPrefs(storage).theme).toBe('dark');
    autosave.stop();
  });

  it('does not write when only the selection changes', async () => {
    const { store: designs, writes } = memoryDesignStore();
    const store = createStudioStore();
    const autosave = startAutosave(store, designs, memoryStorage());
    store.getState().select(['n1']);
    await autosave.idle();
    expect(writes).toHaveLength(0);
  });

  it('writes only the latest design after a burst of edits', async () => {
    const { store: designs, writes } = memoryDesignStore();
    const store = createStudioStore();
    store.getState().replaceDesign(small(), { fresh: true });
    const autosave = startAutosave(store, designs, memoryStorage());
    for (const name of ['a', 'b', 'c', 'd']) store.getState().renameDesign(name);
    await autosave.idle();
    // The first edit starts a write; the three after it, made meanwhile, become one.
    expect(writes.map((w) => (JSON.parse(w.design) as { name: string }).name)).toEqual(['a', 'd']);
  });

  it('reports a damaged autosave instead of crashing, with its text to keep aside', () => {
    const text = '{"format":"compact-studio-design"';
    const damaged = readSavedDesign({ design: text, weights: undefined });
    expect(damaged.kind === 'damaged' && damaged.text).toBe(text);
    expect(readSavedDesign({ design: undefined, weights: undefined }).kind).toBe('none');
    expect(readPrefs(memoryStorage({ [storageKeys.prefs]: 'nonsense' }))).toEqual({});
  });

  it('keeps user blocks across a reload', () => {
    const storage = memoryStorage();
    const store = createStudioStore();
    store.getState().replaceDesign(small(), { fresh: true });
    startAutosave(store, memoryDesignStore().store, storage);
    store.getState().select(['n2']);
    store.getState().saveSelectionAsBlock('mine');
    const blocks = readUserBlocks(storage);
    expect(blocks.map((b) => b.name)).toEqual(['mine']);
    expect(blocks[0]?.fragment.nodes.map((n) => n.kind)).toEqual(['ReLU']);
  });
});

describe('imported weights', () => {
  // One float32 value: 1 is "AACAPw==" as a document's base64 holds it.
  const weights = (w: number): DesignWeights => ({
    source: 'small.onnx',
    layers: { n2: { W: Float32Array.from([w]) } },
  });
  const weighted = (w = 1): Design => ({ ...small(), weights: weights(w) });

  it('are written with the design in one write when they change, and only then', async () => {
    const { store: designs, data, writes } = memoryDesignStore();
    const store = createStudioStore();
    store.getState().replaceDesign(small(), { fresh: true });
    const autosave = startAutosave(store, designs, memoryStorage());
    store.getState().replaceDesign(weighted());
    await autosave.idle();
    expect(writes.at(-1)?.design).not.toContain('AACAPw');
    expect(writes.at(-1)?.weights).toEqual(weights(1));
    store.getState().renameDesign('renamed');
    await autosave.idle();
    // Same weights object: the design alone is written.
    expect(writes.at(-1)?.weights).toBeUndefined();
    const saved = readSavedDesign({ design: data.design, weights: data.weights });
    expect(saved.kind === 'ok' && saved.design.name).toBe('renamed');
    expect(saved.kind === 'ok' && saved.design.weights).toEqual(weights(1));
    store.getState().replaceDesign(small());
    await autosave.idle();
    expect(writes.at(-1)?.weights).toBeNull();
    expect(store.getState().weightsNotKept).toBeUndefined();
  });

  it('when refused: the design is saved without them, the store says why until they are gone', async () => {
    const { store: designs, data } = memoryDesignStore((w) =>
      w !== undefined && w !== null ? quota() : undefined,
    );
    data.weights = weights(0);
    const store = createStudioStore();
    store.getState().replaceDesign(small(), { fresh: true });
    const autosave = startAutosave(store, designs, memoryStorage());
    store.getState().replaceDesign({ ...weighted(), name: 'imported' });
    await autosave.idle();
    expect(store.getState().weightsNotKept).toBe('the browser’s storage for this site is full');
    expect(store.getState().notice?.text).toMatch(/could not be autosaved/);
    const saved = readSavedDesign({ design: data.design, weights: data.weights });
    expect(saved.kind === 'ok' && saved.design.name).toBe('imported');
    // The stale weights of an earlier model were removed in the same write as the design.
    expect(saved.kind === 'ok' && saved.design.weights).toBeUndefined();
    store.getState().renameDesign('still refused');
    await autosave.idle();
    expect(store.getState().weightsNotKept).toBeDefined();
    store.getState().replaceDesign(small());
    await autosave.idle();
    expect(store.getState().weightsNotKept).toBeUndefined();
    // Undo brings back the refused weights, and the mark with them.
    store.temporal.getState().undo();
    await autosave.idle();
    expect(store.getState().design.weights).toBeDefined();
    expect(store.getState().weightsNotKept).toBe('the browser’s storage for this site is full');
  });

  it.each([
    [
      'en',
      'the browser’s storage for this site is full',
      'This model’s weights could not be autosaved (the browser’s storage for this site is full); the design autosaves without them. Save it as a file (File → Save) to keep them.',
    ],
    [
      'zh',
      '浏览器为此网站提供的存储空间已满',
      '此模型的权重无法自动保存（浏览器为此网站提供的存储空间已满）；设计仍会自动保存，但不含权重。将其保存为文件（文件 → 保存）即可保留权重。',
    ],
  ] as const)('says a refusal in the UI’s language (%s)', async (lang, why, notice) => {
    await i18next.changeLanguage(lang);
    try {
      const { store: designs } = memoryDesignStore((w) =>
        w !== undefined && w !== null ? quota() : undefined,
      );
      const store = createStudioStore();
      store.getState().replaceDesign(small(), { fresh: true });
      const autosave = startAutosave(store, designs, memoryStorage());
      store.getState().replaceDesign({ ...weighted(), name: 'imported' });
      await autosave.idle();
      expect(store.getState().weightsNotKept).toBe(why);
      expect(store.getState().notice?.text).toBe(notice);
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  it('an autosave of version 1 in localStorage comes back with its label-keyed weights by id', async () => {
    const v1 = JSON.parse(serializeDesign(small())) as Record<string, unknown>;
    const legacy = memoryStorage({
      [legacyKeys.design]: JSON.stringify({ ...v1, version: 1 }),
      [legacyKeys.weights]: JSON.stringify({ relu: { W: 'AACAPw==' } }),
    });
    const { saved, legacy: fromLegacy } = await readAutosave(memoryDesignStore().store, legacy);
    expect(fromLegacy).toBe(true);
    expect(saved.kind === 'ok' && saved.design.weights).toEqual({
      source: 'small',
      layers: { n2: { W: Float32Array.from([1]) } },
    });
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
