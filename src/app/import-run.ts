import { layoutDesign } from '../canvas/auto-layout';
import type { Size } from '../canvas/flow-types';
import { importModel, type ImportResult, type ImportStage } from '../core/onnx/import/import';
import type { PackedWeights } from '../state/weights-blob';

/** A request: the file's bytes (transferred), the name the design takes, the canvas it opens on. */
export interface ImportRequest {
  readonly bytes: Uint8Array;
  readonly name: string;
  /** Where the weights come from, as the design will say: the file's name. */
  readonly source: string;
  /** The room Fit has on the canvas, for the layout; none when the page has no canvas. */
  readonly view: Size | undefined;
}

/** What an import tells as it goes: the core's stages, then the layout of the canvas. */
export type ImportProgress = ImportStage | 'layout';

export type ImportReply =
  | { readonly kind: 'progress'; readonly stage: ImportProgress; readonly done: number }
  | {
      readonly kind: 'result';
      readonly result: ImportResult;
      /** The design's weights packed for IndexedDB by the worker, so the page need not pack them. */
      readonly packed?: PackedWeights;
    };

/** The import and its layout: the design comes back placed on the canvas. Never throws. */
export async function importAndLayOut(
  request: ImportRequest,
  onProgress: (stage: ImportProgress, done: number) => void,
): Promise<ImportResult> {
  const result = importModel(request.bytes, { name: request.name, source: request.source, onProgress });
  if (!result.ok) return result;
  onProgress('layout', 0.95);
  try {
    return { ...result, design: await layoutDesign(result.design, new Set(), request.view) };
  } catch {
    // The import's own placement stands; Layout (L) can try again.
    return result;
  }
}
