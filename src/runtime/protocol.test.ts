import { describe, expect, it } from 'vitest';
import { parseRequest, parseResponse } from './protocol';

const run = {
  type: 'run',
  id: 1,
  designKey: 'k',
  design: { name: 'd', nodes: [], edges: [] },
  input: { data: new Float32Array(3), shape: [1, 3] },
  backend: 'auto',
  options: { warmup: 3, runs: 20, budgetMs: 1000, foldBatchNorm: false, profile: true },
};

describe('protocol validation', () => {
  it('accepts well-formed requests and keeps the tensor itself', () => {
    const r = parseRequest(run);
    expect(r.ok).toBe(true);
    if (r.ok && r.value.type === 'run') expect(r.value.input.data).toBe(run.input.data);
  });
  it('refuses malformed requests with the path of the problem', () => {
    const bad = parseRequest({ ...run, input: { data: [1, 2, 3], shape: [1, 3] } });
    expect(bad).toMatchObject({ ok: false });
    if (!bad.ok) expect(bad.error).toContain('input.data');
    expect(parseRequest({ ...run, backend: 'webgl' }).ok).toBe(false);
    expect(parseRequest({ ...run, design: { nodes: 3 } }).ok).toBe(false);
    expect(parseRequest({ type: 'launch', id: 1 }).ok).toBe(false);
    expect(parseRequest(null).ok).toBe(false);
  });
  it('validates responses both ways', () => {
    expect(parseResponse({ type: 'progress', id: 1, stage: 'timing', done: 1, total: 5 }).ok).toBe(true);
    expect(parseResponse({ type: 'error', id: 1, code: 'out-of-memory', message: 'm' }).ok).toBe(true);
    expect(parseResponse({ type: 'error', id: 1, code: 'E42', message: 'm' }).ok).toBe(false);
    expect(parseResponse({ type: 'profile', id: 1, nodes: [{ name: 'a', op: 'Conv', ms: '1' }] }).ok).toBe(
      false,
    );
  });
});
