import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import { english } from '../message';
import { useWasm } from '../../../test-support/tfjs';
import { defaultRecipe, trainDesign, TrainError, type ImageSet } from '.';
import { isOutOfMemory } from './out-of-memory';

/**
 * Out of memory in the training loop: an allocation failure thrown at a step (injected through the
 * step hook, where V8 and tfjs-wasm throw theirs: inside the step) ends training with one sentence
 * that names the batch and suggests half of it; any other failure passes through as it was.
 */
function tiny(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 1, height: 4, width: 4 }, [], 'image');
  const c = g.add('Conv2d', { outChannels: 2, kernel: [3, 3], padding: [1, 1] }, [x], 'conv');
  const p = g.add('GlobalAvgPool', {}, [c], 'pool');
  const f = g.add('Flatten', {}, [p], 'flat');
  g.output(g.add('Linear', { outFeatures: 2 }, [f], 'fc'));
  return g.design('tiny');
}

const set = (count: number): ImageSet => ({
  images: Float32Array.from({ length: count * 16 }, (_, i) => (i % 7) / 7),
  labels: Int32Array.from({ length: count }, (_, i) => i % 2),
  count,
  channels: 1,
  height: 4,
  width: 4,
  classNames: ['a', 'b'],
});

const data = { name: 'toy', train: set(32), eval: set(8) };
const recipe = { ...defaultRecipe('toy'), epochs: 1, batch: 8 };

beforeAll(useWasm);

describe('out of memory while training', () => {
  it('is one sentence naming the batch and a smaller one', async () => {
    const failed = await trainDesign(tiny(), data, recipe, {
      onStep: (s) => {
        if (s.step === 2) throw new RangeError('Array buffer allocation failed');
      },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(TrainError);
    const said = (failed as TrainError).said;
    expect(said.key).toBe('trainOutOfMemory');
    expect(english(said)).toBe(
      'Training ran out of memory at batch 8 (step 3): try a smaller batch, such as 4.', // two steps done,
    );
  });

  it('lets any other failure through unchanged', async () => {
    const boom = new Error('kernel Foo not found');
    await expect(
      trainDesign(tiny(), data, recipe, {
        onStep: () => {
          throw boom;
        },
      }),
    ).rejects.toBe(boom);
  });

  it('knows what the backends say', () => {
    expect(isOutOfMemory(new Error('Cannot enlarge memory arrays to size 2147483648 bytes'))).toBe(true);
    expect(isOutOfMemory(new Error('Aborted(OOM)'))).toBe(true);
    expect(isOutOfMemory(new Error('shapes do not match'))).toBe(false);
  });
});
