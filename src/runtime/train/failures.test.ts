import { describe, expect, it } from 'vitest';
import { msg } from '../../core/message';
import { classifyFailure } from './failures';

describe('classifyFailure', () => {
  it('takes what backends say when memory runs out for out of memory, with the batch to halve', () => {
    for (const text of [
      'Aborted(OOM)',
      'RangeError: Array buffer allocation failed',
      'Cannot enlarge memory arrays to size 2147483648 bytes',
      'Failed to allocate a buffer of size 1073741824',
      'WebGPU: out of memory',
    ])
      expect(classifyFailure(new Error(text), 128)).toEqual({ code: 'out-of-memory', batch: 128 });
  });

  it('takes the engine loop’s own out-of-memory refusal for out of memory', () => {
    const said = msg('trainOutOfMemory', { batch: 64, step: 3, smaller: 32 });
    expect(classifyFailure({ said }, 64)).toEqual({ code: 'out-of-memory', batch: 64 });
  });

  it('keeps an engine refusal as its Message, and anything else with its words', () => {
    const said = msg('afterCycle');
    expect(classifyFailure({ said }, 64)).toEqual({ code: 'said', said });
    expect(classifyFailure(new Error('kernel Foo not found'), 64)).toEqual({
      code: 'internal',
      detail: 'kernel Foo not found',
    });
  });
});
