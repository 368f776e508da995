import { afterEach, describe, expect, it, vi } from 'vitest';
import { RuntimeClient, type WorkerLike } from './client';
import type { WorkerResponse } from './protocol';

class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  sent: { id: number; type: string }[] = [];
  terminated = false;
  postMessage(message: unknown): void {
    this.sent.push(message as { id: number; type: string });
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }
  die(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

function setup(silenceMs = 1000) {
  const workers: FakeWorker[] = [];
  const client = new RuntimeClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, silenceMs);
  return { client, workers };
}

const modelRequest = { type: 'model', designKey: 'k' } as const;

afterEach(() => {
  vi.useRealTimers();
});

describe('RuntimeClient', () => {
  it('starts the worker only on the first request and routes answers by id', async () => {
    const { client, workers } = setup();
    expect(workers).toHaveLength(0);
    const seen: WorkerResponse[] = [];
    const done = client.request(modelRequest, (r) => seen.push(r));
    const w = workers[0];
    const id = w?.sent[0]?.id ?? -1;
    w?.reply({ type: 'model', id: id + 100, bytes: new Uint8Array(1) });
    w?.reply({ type: 'model', id, bytes: new Uint8Array(2) });
    w?.reply({ type: 'done', id });
    await done;
    expect(seen.map((r) => r.type)).toEqual(['model']);
  });

  it('fails the pending request and restarts a worker that dies', async () => {
    const { client, workers } = setup();
    const seen: WorkerResponse[] = [];
    const done = client.request(modelRequest, (r) => seen.push(r));
    workers[0]?.die('boom');
    await done;
    expect(seen[0]).toMatchObject({ type: 'error', code: 'worker-died' });
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(client.restarts).toBe(1);
    // The new worker takes the next request.
    void client.request(modelRequest, () => undefined);
    expect(workers[1]?.sent).toHaveLength(1);
  });

  it('takes a silent worker as hung: time-out, then a fresh worker', async () => {
    vi.useFakeTimers();
    const { client, workers } = setup(500);
    const seen: WorkerResponse[] = [];
    const done = client.request(modelRequest, (r) => seen.push(r));
    const id = workers[0]?.sent[0]?.id ?? -1;
    vi.advanceTimersByTime(400);
    workers[0]?.reply({ type: 'progress', id, stage: 'create-session' });
    vi.advanceTimersByTime(400);
    expect(seen).toHaveLength(1);
    vi.advanceTimersByTime(200);
    await done;
    expect(seen[1]).toMatchObject({ type: 'error', code: 'timeout' });
    expect(workers).toHaveLength(2);
  });

  it('restarts after running out of memory, and rejects malformed messages', async () => {
    const { client, workers } = setup();
    const seen: WorkerResponse[] = [];
    const done = client.request(modelRequest, (r) => seen.push(r));
    const id = workers[0]?.sent[0]?.id ?? -1;
    workers[0]?.reply({ type: 'error', id, code: 'out-of-memory', message: 'oom' });
    await done;
    expect(seen).toHaveLength(1);
    expect(workers).toHaveLength(2);
    const next = client.request(modelRequest, (r) => seen.push(r));
    workers[1]?.reply({ type: 'nonsense', id: 1 });
    await next;
    expect(seen[1]).toMatchObject({ type: 'error', code: 'internal' });
  });
});
