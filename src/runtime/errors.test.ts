import { describe, expect, it } from 'vitest';
import { classifyError, remedies } from './errors';
import { errorCodes } from './protocol';

describe('classifyError', () => {
  it('names the op the runtime lacks', () => {
    const e = classifyError(
      new Error("Could not find an implementation for Foo(1) node with name 'block/foo'"),
    );
    expect(e.code).toBe('unsupported-op');
    expect(e.message).toContain('Foo');
    expect(e.message).toContain('block/foo');
  });
  it('recognises memory exhaustion and loading failures', () => {
    expect(classifyError(new RangeError('Array buffer allocation failed')).code).toBe('out-of-memory');
    expect(classifyError('Aborted(OOM)').code).toBe('out-of-memory');
    expect(classifyError(new TypeError('Failed to fetch')).code).toBe('load-failed');
    expect(classifyError(new Error('something else')).code).toBe('internal');
  });
  it('has a remedy for every code', () => {
    for (const code of errorCodes) expect(remedies[code].length).toBeGreaterThan(10);
  });
});
