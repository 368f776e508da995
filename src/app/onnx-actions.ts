import { exportDesign } from '../core/onnx/export/onnx-export';
import { designNameOf, importInWorker } from './import-client';
import { i18next } from '../i18n';
import { canvasRoom } from '../canvas/sizes';
import { studio } from '../state/store';
import { openAsNewDocument } from '../ui/documents';
import { download, fileNameFor } from '../ui/download';

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** Lets the browser paint the "working" notice before a long synchronous step. */
const nextFrame = (): Promise<void> =>
  new Promise((resolve) => {
    requestAnimationFrame(() => {
      setTimeout(resolve, 0);
    });
  });

/**
 * Downloads the design as ONNX (opset 17): seeded He weights, or the imported model's own.
 * `deploy` folds batch norm into the convolutions. A design with errors is refused with the reasons.
 */
export async function exportOnnxFile(deploy = false): Promise<void> {
  const { design, notify } = studio.getState();
  notify({ text: i18next.t('actions:onnx.exporting', { name: design.name }), tone: 'info' });
  await nextFrame();
  const result = exportDesign(design, { foldBatchNorm: deploy });
  if (!result.ok) {
    notify({
      text: i18next.t('actions:onnx.refused'),
      tone: 'error',
      details: result.errors,
    });
    return;
  }
  const name = fileNameFor(design, deploy ? '-deploy.onnx' : '.onnx');
  download(new Blob([result.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), name);
  notify({
    text: i18next.t(deploy ? 'actions:onnx.exportedDeploy' : 'actions:onnx.exported', {
      file: name,
      size: mib(result.bytes.length),
    }),
    tone: 'info',
    ...(result.notes.length > 0 ? { details: result.notes } : {}),
  });
}

/** Imports an ONNX model as an editable design, block by block, weights kept; the current design stays on failure. */
export async function importOnnxFile(file: File): Promise<void> {
  const { notify } = studio.getState();
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    notify({ text: i18next.t('app:files.unreadable', { name: file.name }), tone: 'error' });
    return;
  }
  notify({ text: i18next.t('actions:onnx.importing', { file: file.name }), tone: 'info' });
  // Laid out (in the worker too) for this canvas: a long model wraps into the columns that Fit
  // shows at a readable zoom.
  const request = { bytes, name: designNameOf(file.name), source: file.name, view: canvasRoom() };
  const result = await importInWorker(request, (stage, done) => {
    const text = i18next.t('importing.progress', {
      file: file.name,
      stage: i18next.t(`importing.stage.${stage}`),
      percent: Math.round(done * 100),
    });
    notify({ text, tone: 'info' });
  });
  if (!result.ok) {
    notify({
      text: i18next.t('actions:onnx.importFailed', { file: file.name, error: result.error }),
      tone: 'error',
    });
    return;
  }
  const design = result.design;
  // Taking the message in and drawing the design are two tasks, not one long one.
  await nextFrame();
  const before = studio.getState().notice?.seq;
  await openAsNewDocument(design, () => {
    // Anything said while the design was taken in (autosave could not keep the weights) stays visible.
    const said = studio.getState().notice;
    const details = [
      ...(said !== undefined && said.seq !== before ? [said.text] : []),
      ...(result.invalid === undefined ? [] : [result.invalid]),
      ...result.notes,
    ];
    // A model whose design does not pass validation still opens, its diagnostics on the canvas,
    // and the notice says so (the CLI refuses to write such a design).
    return {
      text: i18next.t(
        result.invalid === undefined ? 'actions:onnx.imported' : 'actions:onnx.importedInvalid',
        {
          file: file.name,
          count: design.nodes.length,
        },
      ),
      tone: result.invalid === undefined ? 'info' : 'error',
      ...(details.length > 0 ? { details } : {}),
    };
  });
}

/** A dropped or opened file: ONNX by its name or its first byte (JSON starts with "{"), else a design. */
export async function isOnnxFile(file: File): Promise<boolean> {
  if (/\.onnx$/i.test(file.name)) return true;
  if (/\.json$/i.test(file.name)) return false;
  const head = new Uint8Array(await file.slice(0, 1).arrayBuffer());
  return head.length > 0 && head[0] !== 0x7b;
}
