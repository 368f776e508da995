/// <reference lib="webworker" />
import { importAndLayOut, type ImportReply, type ImportRequest } from './import-run';

/**
 * The import off the main thread: a 20 MB EfficientNet takes about a second to read, recognise and
 * lay out (elkjs), which would freeze the page. Progress goes back as each stage starts; the main
 * thread is left only the drawing of the design.
 */
self.onmessage = (e: MessageEvent<ImportRequest>) => {
  const post = (reply: ImportReply): void => {
    self.postMessage(reply);
  };
  void importAndLayOut(e.data, (stage, done) => {
    post({ kind: 'progress', stage, done });
  }).then((result) => {
    post({ kind: 'result', result });
  });
};
