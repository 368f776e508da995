import { isTrainEvent, trainEventProblem, type TrainEvent, type TrainRequest } from './protocol';

/**
 * The page's side of the training worker: one worker, started on the first run (TensorFlow.js loads
 * inside it, never in the page), kept warm between runs, and ended after it runs out of memory or dies.
 */
export class TrainClient {
  private worker: Worker | undefined;
  private listener: ((event: TrainEvent) => void) | undefined;

  start(request: Extract<TrainRequest, { type: 'start' }>, onEvent: (event: TrainEvent) => void): void {
    this.listener = onEvent;
    const worker = this.ensure();
    try {
      worker.postMessage(request);
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  send(request: Exclude<TrainRequest, { type: 'start' }>): void {
    this.worker?.postMessage(request);
  }

  /** Ends the worker now (its memory is freed); the next run starts a fresh one. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  private ensure(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      type: 'module',
      name: 'compact-studio-training',
    });
    worker.onmessage = (e: MessageEvent) => {
      if (!isTrainEvent(e.data)) return;
      const event = e.data;
      const problem = trainEventProblem(event);
      if (problem !== undefined) {
        this.fail(`the training worker sent a split that could not be read (${problem})`);
        return;
      }
      if (event.type === 'failed' && event.failure.code === 'out-of-memory') this.dispose();
      this.listener?.(event);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      this.fail(e.message || 'the training worker stopped');
    };
    worker.onmessageerror = () => {
      this.fail('the training worker sent a message that could not be read');
    };
    this.worker = worker;
    return worker;
  }

  private fail(detail: string): void {
    this.dispose();
    const failure = /memory/i.test(detail)
      ? ({ code: 'out-of-memory', batch: 0 } as const)
      : ({ code: 'internal', detail } as const);
    this.listener?.({ type: 'failed', failure });
  }
}

let shared: TrainClient | undefined;

/** The app's training client, created on first use. */
export function trainClient(): TrainClient {
  shared ??= new TrainClient();
  return shared;
}
