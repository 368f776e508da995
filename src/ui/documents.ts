import type { Design } from '../core/design/design-types';
import { i18next } from '../i18n';
import type { AsyncKeyValue } from '../state/documents-kv';
import { readDocument } from '../state/documents-persistence';
import { studio } from '../state/store';
import type { Notice } from '../state/types';

/**
 * Designs are documents: opening one never overwrites another. These actions open a design as a
 * new document beside the open one, open a saved one with its undo history, and delete one (after
 * asking, with an Undo). The storage is connected once the app has started.
 */
interface Connection {
  readonly kv: AsyncKeyValue;
  /** Resolves when every write so far (design, weights, history, list) is done. */
  readonly flush: () => Promise<void>;
}

let connection: Connection | undefined;

export function connectDocuments(c: Connection): void {
  connection = c;
}

const nameOf = (id: string): string => {
  const s = studio.getState();
  return s.documents.find((d) => d.id === id)?.name ?? (id === s.documentId ? s.design.name : '');
};

/** The action that goes back to a document ("Back to “MobileNetV2”"). */
const backTo = (id: string): { label: string; run: () => void } => ({
  label: i18next.t('app:documents.back', { name: nameOf(id) }),
  run: () => {
    void openSavedDocument(id);
  },
});

/**
 * Opens a design as a new document; the one open before stays in File → Recent designs, and the
 * notice (the caller's, if any, worked out once the design is open) says so, with a way back.
 */
export async function openAsNewDocument(
  design: Design,
  say?: Omit<Notice, 'seq'> | (() => Omit<Notice, 'seq'>),
): Promise<void> {
  await connection?.flush();
  const s = studio.getState();
  const before = s.documentId;
  const name = nameOf(before);
  s.openDocument(design);
  studio.getState().requestFit();
  const notice = typeof say === 'function' ? say() : say;
  const kept = i18next.t('app:documents.kept', { name });
  studio.getState().notify({
    tone: notice?.tone ?? 'info',
    // Whatever opened the design keeps the focus (the palette, a lesson): the way back is a Tab away.
    keepFocus: true,
    ...(notice?.details === undefined ? {} : { details: notice.details }),
    text: notice === undefined ? kept : i18next.t('store:join.sentences', { done: notice.text, next: kept }),
    actions: [...(notice?.actions ?? []), backTo(before)],
  });
}

/** Opens a saved document with its undo history; the one open before stays in the list. */
export async function openSavedDocument(id: string): Promise<void> {
  const s = studio.getState();
  if (id === s.documentId || connection === undefined) return;
  await connection.flush();
  const before = studio.getState().documentId;
  const name = nameOf(id);
  const { saved, history } = await readDocument(connection.kv, id).catch(() => ({
    saved: { kind: 'none' } as const,
    history: { past: [], future: [] },
  }));
  if (saved.kind !== 'ok') {
    studio.getState().notify({
      text: i18next.t('app:documents.unreadable', { name }),
      tone: 'error',
      ...(saved.kind === 'damaged' ? { details: saved.errors } : {}),
    });
    return;
  }
  studio.getState().openDocument(saved.design, { id, history });
  studio.getState().requestFit();
  studio.getState().notify({
    text: i18next.t('app:documents.opened', { name: saved.design.name, before: nameOf(before) }),
    tone: 'info',
    keepFocus: true,
    actions: [backTo(before)],
  });
}

/** Deletes a document (the caller asked first); the notice offers to bring it back. */
export function deleteDocument(id: string): void {
  const name = nameOf(id);
  if (!studio.getState().deleteDocument(id)) return;
  studio.getState().notify({
    text: i18next.t('app:documents.deleted', { name }),
    tone: 'info',
    actions: [
      {
        label: i18next.t('app:documents.undoDelete'),
        run: () => {
          studio.getState().restoreDocument(id);
        },
      },
    ],
  });
}
