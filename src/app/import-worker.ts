/// <reference lib="webworker" />
import { importModel, type ImportResult, type ImportStage } from '../core/onnx/import/import';

/** A request: the file's bytes (transferred) and the name the design takes. */
export interface ImportRequest {
  readonly bytes: Uint8Array;
  readonly name: string;
  /** Where the weights come from, as the design will say: the file's name. */
  readonly source: string;
}

export type ImportReply =
  | { readonly kind: 'progress'; readonly stage: ImportStage; readonly done: number }
  | { readonly kind: 'result'; readonly result: ImportResult };

/**
 * The core import off the main thread: a 20 MB EfficientNet takes about a second to read and
 * recognise, which would freeze the page. Progress goes back as each stage starts.
 */
self.onmessage = (e: MessageEvent<ImportRequest>) => {
  const post = (reply: ImportReply): void => {
    self.postMessage(reply);
  };
  const result = importModel(e.data.bytes, {
    name: e.data.name,
    source: e.data.source,
    onProgress: (stage, done) => {
      post({ kind: 'progress', stage, done });
    },
  });
  post({ kind: 'result', result });
};
