import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../core/design/builder';
import type { Design } from '../core/design/design-types';
import { memoryStorage } from './memory-storage';
import { documentKeys, libraryKeys, memoryKeyValue } from './documents-kv';
import {
  HISTORY_CAP,
  documentTargets,
  purgeDeleted,
  readDocument,
  readLibrary,
  startDocumentPersistence,
} from './documents-persistence';
import { startAutosave } from './persistence';
import { createStudioStore } from './store';

function small(name: string): Design {
  const g = new GraphBuilder();
  g.output(g.add('ReLU', {}, [g.add('Input', {}, [], 'input')], 'relu'));
  return g.design(name);
}

/** A store with the autosave and the documents kept in one memory key-value storage. */
function started() {
  const kv = memoryKeyValue();
  const studio = createStudioStore();
  const persistence = startDocumentPersistence(studio, kv);
  studio.getState().openDocument(small('first'));
  const autosave = startAutosave(studio, documentTargets(kv), memoryStorage());
  autosave.save(studio.getState().design);
  const flush = async () => {
    await autosave.idle();
    await persistence.flush();
  };
  return { kv, studio, flush };
}

describe('the list of documents', () => {
  it('keeps every design opened: a new one never overwrites the one before', async () => {
    const { kv, studio, flush } = started();
    const first = studio.getState().documentId;
    studio.getState().renameDesign('first, edited');
    await flush();
    const before = studio.getState().openDocument(small('second'));
    expect(before).toBe(first);
    await flush();
    const library = await readLibrary(kv);
    expect(library.documents.map((d) => d.name)).toEqual(['first, edited', 'second']);
    expect(library.current).toBe(studio.getState().documentId);
    const back = await readDocument(kv, first);
    expect(back.saved.kind === 'ok' && back.saved.design.name).toBe('first, edited');
    // Each has a picture of its layout.
    expect(library.documents.every((d) => d.thumbnail.startsWith('data:image/svg+xml,'))).toBe(true);
  });

  it('keeps each document’s undo history across a reload, the newest HISTORY_CAP steps', async () => {
    const { kv, studio, flush } = started();
    const id = studio.getState().documentId;
    const edits = HISTORY_CAP + 10;
    for (let i = 1; i <= edits; i++) studio.getState().renameDesign(`name ${String(i)}`);
    await flush();
    const read = await readDocument(kv, id);
    expect(read.history.past).toHaveLength(HISTORY_CAP);
    // The oldest steps went first: the first kept is the state before edit 11.
    expect(read.history.past[0]?.name).toBe(`name ${String(edits - HISTORY_CAP)}`);
    expect(read.history.past.at(-1)?.name).toBe(`name ${String(edits - 1)}`);
    // Reopened in a fresh store (a reload), Undo goes back a step.
    const again = createStudioStore();
    if (read.saved.kind !== 'ok') throw new Error('not saved');
    again.getState().openDocument(read.saved.design, { id, history: read.history });
    again.temporal.getState().undo();
    expect(again.getState().design.name).toBe(`name ${String(edits - 1)}`);
    // Another document's history is its own.
    studio.getState().openDocument(small('other'));
    await flush();
    expect((await readDocument(kv, studio.getState().documentId)).history.past).toHaveLength(0);
  });

  it('the open document cannot be deleted; a delete can be undone, and is for good at the next start', async () => {
    const { kv, studio, flush } = started();
    const first = studio.getState().documentId;
    studio.getState().openDocument(small('second'));
    expect(studio.getState().deleteDocument(studio.getState().documentId)).toBe(false);
    expect(studio.getState().deleteDocument(first)).toBe(true);
    expect(studio.getState().documents.find((d) => d.id === first)?.deletedAt).toBeTypeOf('number');
    studio.getState().restoreDocument(first);
    expect(studio.getState().documents.find((d) => d.id === first)?.deletedAt).toBeUndefined();
    studio.getState().deleteDocument(first);
    await flush();
    const purged = await purgeDeleted(kv, await readLibrary(kv));
    expect(purged.documents.map((d) => d.name)).toEqual(['second']);
    expect(kv.data.has(documentKeys(first).design)).toBe(false);
    expect((kv.data.get(libraryKeys.index) as unknown[]).length).toBe(1);
  });
});

describe('docs/limits.md', () => {
  it('states the undo steps kept across reloads', () => {
    const doc = readFileSync(join(__dirname, '../../docs/limits.md'), 'utf8');
    expect(doc).toContain(`**${String(HISTORY_CAP)} undo steps**`);
  });
});
