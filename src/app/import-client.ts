import type { ImportResult } from '../core/onnx/import/import';
import { i18next } from '../i18n';
import { rememberPacked } from '../state/weights-blob';
import type { ImportProgress, ImportReply, ImportRequest } from './import-run';

/**
 * Imports an ONNX file and lays the design out, in a Web Worker (one per import, closed after),
 * telling each stage as it starts. Where workers cannot start, both run here, on the main thread.
 */
export function importInWorker(
  request: ImportRequest,
  onProgress: (stage: ImportProgress, done: number) => void,
): Promise<ImportResult> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./import-worker.ts', import.meta.url), {
      type: 'module',
      name: 'compact-studio-import',
    });
  } catch {
    // The importer itself loads only here: the worker bundles its own copy.
    return import('./import-run').then((m) => m.importAndLayOut(request, onProgress));
  }
  return new Promise((resolve) => {
    worker.onmessage = (e: MessageEvent<ImportReply>) => {
      if (e.data.kind === 'progress') onProgress(e.data.stage, e.data.done);
      else {
        worker.terminate();
        const { result, packed } = e.data;
        if (result.ok && result.design.weights !== undefined && packed !== undefined)
          rememberPacked(result.design.weights, packed);
        resolve(result);
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      resolve({
        ok: false,
        error: i18next.t('importing.stopped', { reason: e.message || i18next.t('importing.workerFailed') }),
      });
    };
    worker.postMessage(request, [request.bytes.buffer]);
  });
}

/** A file's name as a design's: "efficientnet_b0.onnx" → "efficientnet_b0". */
export const designNameOf = (fileName: string): string =>
  fileName.replace(/\.onnx$/i, '').trim() || i18next.t('importing.untitled');
