import { describe, expect, it } from 'vitest';
import { presets } from '../core/presets/preset-registry';
import { recipeFrom } from './commands/train';

/** `train`'s recipe from its flags: the design's defaults, and an --optimizer that names another family. */
const build = (name: string) => {
  const p = presets.find((x) => x.name === name);
  if (p === undefined) throw new Error(`no preset ${name}`);
  return p.build();
};
const flags = (entries: [string, string][]) => new Map(entries);

describe('train: the recipe the flags make', () => {
  const squeeze = build('squeezenet1_1'); // no batch norm: Adam at 1e-3 by default
  const mobile = build('mobilenet_v2'); // batch norm: SGD 0.1 with momentum 0.9 on Fashion-MNIST

  it('follows the design when no optimizer is named', () => {
    expect(recipeFrom(flags([]), 'fashion-mnist', squeeze)).toMatchObject({
      optimizer: 'adam',
      learningRate: 1e-3,
    });
    expect(recipeFrom(flags([]), 'fashion-mnist', mobile)).toMatchObject({
      optimizer: 'sgd',
      learningRate: 0.1,
      momentum: 0.9,
    });
  });

  it('--optimizer sgd on a design without batch norm takes SGD’s learning rate and momentum, not Adam’s 1e-3', () => {
    const r = recipeFrom(flags([['optimizer', 'sgd']]), 'fashion-mnist', squeeze);
    expect(r).toMatchObject({ optimizer: 'sgd', learningRate: 0.1, momentum: 0.9 });
  });

  it('--optimizer adam on a design with batch norm takes 1e-3 and no momentum; --lr still wins', () => {
    const r = recipeFrom(flags([['optimizer', 'adam']]), 'fashion-mnist', mobile);
    expect(r).toMatchObject({ optimizer: 'adam', learningRate: 1e-3 });
    expect(r.momentum).toBeUndefined();
    const lr = recipeFrom(
      flags([
        ['optimizer', 'adamw'],
        ['lr', '0.003'],
      ]),
      'fashion-mnist',
      mobile,
    );
    expect(lr).toMatchObject({ optimizer: 'adamw', learningRate: 0.003 });
  });
});
