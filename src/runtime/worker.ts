/// <reference lib="webworker" />
import { installConsoleCapture } from './console-capture';
import { parseRequest, type WorkerResponse } from './protocol';
import { Runner } from './runner';

/** The runtime worker's entry: validates each request, runs them one at a time, in order. */

installConsoleCapture();

const scope = self as unknown as DedicatedWorkerGlobalScope;
const runner = new Runner((message: WorkerResponse, transfer: Transferable[] = []) => {
  scope.postMessage(message, transfer);
});

let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = parseRequest(event.data);
  if (!parsed.ok) {
    const id = (event.data as { id?: unknown } | null)?.id;
    const message: WorkerResponse = {
      type: 'error',
      id: typeof id === 'number' ? id : -1,
      code: 'internal',
      message: `The runtime received a malformed request (${parsed.error}).`,
    };
    scope.postMessage(message);
    scope.postMessage({ type: 'done', id: message.id } satisfies WorkerResponse);
    return;
  }
  queue = queue.then(() => runner.handle(parsed.value));
};
