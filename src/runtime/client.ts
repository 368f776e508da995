import { parseResponse, type RuntimeErrorCode, type WorkerRequest, type WorkerResponse } from './protocol';

/**
 * The UI's side of the runtime worker: requests with ids, answers routed back, and a worker that
 * is started on first use and restarted when it dies, hangs or runs out of memory.
 */

export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;
export type RequestBody = Body<WorkerRequest>;

interface Pending {
  readonly onEvent: (r: WorkerResponse) => void;
  readonly resolve: () => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export const defaultWorkerFactory: WorkerFactory = () =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'compact-studio-runtime' });

export class RuntimeClient {
  private worker: WorkerLike | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** How many times the worker was restarted after a failure. */
  restarts = 0;

  constructor(
    private readonly factory: WorkerFactory = defaultWorkerFactory,
    /** A request that hears nothing for this long is taken as a hung runtime. */
    private readonly silenceMs = 120_000,
  ) {}

  /** Sends a request; `onEvent` sees every answer; resolves when the worker is done with it. */
  request(
    body: RequestBody,
    onEvent: (r: WorkerResponse) => void,
    transfer: Transferable[] = [],
  ): Promise<void> {
    const id = this.nextId++;
    return new Promise<void>((resolve) => {
      const entry: Pending = { onEvent, resolve, timer: undefined };
      this.pending.set(id, entry);
      this.arm(entry);
      try {
        this.ensure().postMessage({ ...body, id }, transfer);
      } catch (e) {
        this.finish(id, {
          type: 'error',
          id,
          code: 'internal',
          message: `The request could not be sent: ${String(e)}`,
        });
      }
    });
  }

  /** Stops the worker (its memory is freed); the next request starts a fresh one. */
  dispose(): void {
    this.failAll('worker-died', 'The runtime was stopped.');
  }

  private ensure(): WorkerLike {
    if (this.worker !== undefined) return this.worker;
    const w = this.factory();
    w.onmessage = (e) => {
      this.receive(e.data);
    };
    w.onerror = (e) => {
      e.preventDefault();
      this.restart('worker-died', `The runtime stopped: ${e.message || 'an error outside any request'}.`);
    };
    w.onmessageerror = () => {
      this.restart('worker-died', 'The runtime sent a message that could not be read.');
    };
    this.worker = w;
    return w;
  }

  private receive(data: unknown): void {
    const parsed = parseResponse(data);
    if (!parsed.ok) {
      this.restart('internal', `The runtime sent a malformed message (${parsed.error}).`);
      return;
    }
    const r = parsed.value;
    const entry = this.pending.get(r.id);
    if (entry === undefined) return;
    if (r.type === 'done') {
      this.finish(r.id);
      return;
    }
    this.arm(entry);
    entry.onEvent(r);
    // After running out of memory a wasm instance is not to be trusted: start afresh.
    if (r.type === 'error' && r.code === 'out-of-memory') {
      this.finish(r.id);
      this.restart('out-of-memory', 'The runtime ran out of memory.');
    }
  }

  private arm(entry: Pending): void {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      this.restart('timeout', `The runtime did not answer for ${Math.round(this.silenceMs / 1000)} s.`);
    }, this.silenceMs);
  }

  private finish(id: number, last?: WorkerResponse): void {
    const entry = this.pending.get(id);
    if (entry === undefined) return;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    if (last !== undefined) entry.onEvent(last);
    entry.resolve();
  }

  private failAll(code: RuntimeErrorCode, message: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const id of [...this.pending.keys()]) this.finish(id, { type: 'error', id, code, message });
  }

  /** Ends the worker, fails what it was doing, and starts a fresh one. */
  private restart(code: RuntimeErrorCode, message: string): void {
    this.failAll(code, message);
    this.restarts++;
    this.ensure();
  }
}

let shared: RuntimeClient | undefined;

/** The app's runtime client, created on first use (so the worker starts only when needed). */
export function runtimeClient(): RuntimeClient {
  shared ??= new RuntimeClient();
  return shared;
}
