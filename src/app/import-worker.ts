/// <reference lib="webworker" />
import { weightBuffers } from '../core/design/weight-buffers';
import { packWeights } from '../state/weights-blob';
import { importAndLayOut, type ImportReply, type ImportRequest } from './import-run';

/**
 * The import off the main thread: a 20 MB EfficientNet takes about a second to read, recognise and
 * lay out (elkjs), which would freeze the page. Progress goes back as each stage starts; the main
 * thread is left only the drawing of the design.
 */
self.onmessage = (e: MessageEvent<ImportRequest>) => {
  const post = (reply: ImportReply): void => {
    // The weights are handed over, not copied: the main thread gets them without a long task.
    const design = reply.kind === 'result' && reply.result.ok ? reply.result.design : undefined;
    const weights = design?.weights;
    const packed = weights === undefined ? undefined : packWeights(weights);
    self.postMessage(packed === undefined ? reply : { ...reply, packed }, weightBuffers(weights));
  };
  void importAndLayOut(e.data, (stage, done) => {
    post({ kind: 'progress', stage, done });
  }).then((result) => {
    post({ kind: 'result', result });
  });
};
