import { isBlockKind } from '../core/kinds';
import { parseDesign, serializeDesign } from '../core/document/format';
import { addNode } from '../core/design/edit';
import { spliceAfter } from '../core/design/splice';
import { layoutDesign } from '../canvas/auto-layout';
import { shareHash } from '../state/share';
import { studio } from '../state/store';
import { openAsNewDocument } from '../ui/documents';
import { download, fileNameFor } from '../ui/download';
import { i18next } from '../i18n';

export function saveDesignFile(): void {
  const { design } = studio.getState();
  download(new Blob([serializeDesign(design)], { type: 'application/json' }), fileNameFor(design, '.json'));
}

/** Opens a design file, validated like any input; problems are listed, the current design is kept. */
export async function openDesignFile(file: File): Promise<void> {
  const store = studio.getState();
  let text: string;
  try {
    text = await file.text();
  } catch {
    store.notify({ text: i18next.t('app:files.unreadable', { name: file.name }), tone: 'error' });
    return;
  }
  const parsed = parseDesign(text);
  if (!parsed.ok) {
    store.notify({
      text: i18next.t('app:files.notDesign', { name: file.name }),
      tone: 'error',
      details: parsed.errors,
    });
    return;
  }
  // A document without positions (all at one point) gets laid out.
  const spots = new Set(parsed.design.nodes.map((n) => `${n.position.x},${n.position.y}`));
  const design =
    spots.size < Math.min(2, parsed.design.nodes.length) ? await layoutDesign(parsed.design) : parsed.design;
  await openAsNewDocument(design, { text: i18next.t('app:files.opened', { name: file.name }), tone: 'info' });
}

/** The share link of the current design: the compressed document in the hash. */
export function shareLink(): string {
  const url = new URL(window.location.href);
  url.hash = shareHash(studio.getState().design);
  return url.toString();
}

/**
 * A fresh design: an Input wired to an Output, so it is valid from the start and Enter in the
 * palette inserts between them. A new document: the one before stays in File → Recent designs.
 */
export async function newDesign(): Promise<void> {
  const withInput = addNode(
    { name: i18next.t('app:files.untitled'), nodes: [], edges: [] },
    'Input',
    { x: 0, y: 0 },
    { label: 'input' },
  );
  const withOutput = addNode(withInput.design, 'Output', { x: 0, y: 360 }, { label: 'output' });
  const design = spliceAfter(withOutput.design, { node: withInput.nodeId, port: 0 }, withOutput.nodeId, true);
  await openAsNewDocument(design);
  studio.getState().select([withInput.nodeId]);
}

/** Opens (or closes) every block of the design in place. */
export function openAllBlocks(open: boolean): void {
  const s = studio.getState();
  s.setOpenBlocks(open ? s.design.nodes.filter((n) => isBlockKind(n.kind)).map((n) => n.id) : []);
}
