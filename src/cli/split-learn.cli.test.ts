import { describe, expect, it } from 'vitest';
import { parseDesign, serializeDesign } from '../core/document/format';
import { GraphBuilder } from '../core/design/builder';
import { cliInMemory } from '../../test-support/cli';
import { FASHION_MNIST_CLASSES } from '../core/train/data';

/**
 * `split --learn` on the committed Fashion-MNIST subset: the design trains with SplitNet's terms,
 * its learned class assignment is printed and written as the ClassMerge's data, and the split
 * design's params are those counted by hand.
 */
function design(): string {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 1, height: 28, width: 28 }, [], 'input');
  const r1 = g.add('ReLU', {}, [g.add('Conv2d', { outChannels: 8, stride: [2, 2] }, [x], 'conv1')], 'relu1');
  const r2 = g.add('ReLU', {}, [g.add('Conv2d', { outChannels: 8 }, [r1], 'conv2')], 'relu2');
  const f = g.add('Flatten', {}, [g.add('GlobalAvgPool', {}, [r2], 'pool')], 'flatten');
  g.output(g.add('Linear', { outFeatures: 10 }, [f], 'fc'));
  return serializeDesign(g.design('tiny'));
}

describe('cli: split --learn', () => {
  it('learns the assignment with the weights and writes the split design from the trained blocks', async () => {
    const r = await cliInMemory(
      [
        'split',
        'd.json',
        '--at',
        'relu1,relu2',
        '--groups',
        '2,2',
        '--learn',
        '--dataset',
        'fashion-mnist',
        '--steps',
        '12',
        '--train-images',
        '256',
        '--eval-images',
        '64',
        '--finetune-steps',
        '4',
        '-o',
        't.json',
      ],
      { 'd.json': design() },
    );
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out).toContain('classes per leaf (learned):');
    const leaves = [...r.out.matchAll(/^ {2}leaf \d: (.*)$/gm)].map((m) => (m[1] ?? '').split(', '));
    expect(leaves).toHaveLength(4);
    expect(leaves.flat().sort()).toEqual([...FASHION_MNIST_CLASSES].sort());
    const split = parseDesign(String(r.written['t.json'] ?? ''));
    if (!split.ok) throw new Error(split.errors.join('; '));
    const merge = split.design.nodes.find((n) => n.kind === 'ClassMerge');
    expect(merge?.kind === 'ClassMerge' ? merge.params.classes.map((g) => g.length) : []).toEqual(
      leaves.map((l) => l.length),
    );
    // Unsplit: conv1 1·8·9, conv2 8·8·9, fc 8·10 + 10 = 738. Split: conv1 shared (72), conv2 as
    // 2 copies of 4·4·9 (288), fc as 4 leaves over 2 features each, Σ 3·|classes| = 30: 390.
    expect(r.out).toMatch(/^params +738 +390 /m);
    expect(r.out).toMatch(/after 4 steps/);
    expect(Object.keys(split.design.weights?.layers ?? {}).length).toBeGreaterThan(0);
  }, 240000);

  it('refuses --learn without a dataset, and training flags without --learn', async () => {
    const base = ['split', 'd.json', '--at', 'relu1,relu2', '--groups', '2,2', '-o', 't.json'];
    expect(await cliInMemory([...base, '--learn'], { 'd.json': design() })).toMatchObject({
      status: 1,
      err: 'error: --learn trains the design: give --dataset fashion-mnist, fashion-mnist-full or a folder\n',
    });
    expect(await cliInMemory([...base, '--steps', '5'], { 'd.json': design() })).toMatchObject({
      status: 1,
      err: 'error: --steps is for --learn (training the split)\n',
    });
  });
});
