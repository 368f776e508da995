import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../core/design/builder';
import { i18next } from '../i18n';
import { studio } from '../state/store';
import { connectTargets } from './connect-targets';
import { insertItem, openPreset } from './item-actions';

/** input → conv → relu, a conv fed by nothing, and an Add with one input free. */
function design() {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 32, width: 32 }, [], 'input');
  const c = g.add('Conv2d', { outChannels: 16 }, [x], 'conv');
  const r = g.add('ReLU', {}, [c], 'relu');
  g.output(r);
  g.add('Conv2d', { outChannels: 8 }, [], 'spare');
  g.add('Add', {}, [r], 'sum');
  return g.design('test');
}

const idOf = (label: string) => studio.getState().design.nodes.find((n) => n.label === label)?.id ?? '';
const notice = () => studio.getState().notice?.text;

describe('what the actions say, in both languages', () => {
  beforeEach(() => {
    studio.getState().replaceDesign(design(), { fresh: true });
  });
  afterAll(async () => {
    await i18next.changeLanguage('en');
  });

  it('names the inputs an output can feed', async () => {
    const d = studio.getState().design;
    const from = { node: idOf('relu'), port: 0 };
    await i18next.changeLanguage('en');
    const en = connectTargets(d, from, '');
    expect(en.map((t) => [t.name, t.detail])).toEqual([
      ['spare input 1', 'Conv2d'],
      ['sum input 2', 'Add'],
    ]);
    await i18next.changeLanguage('zh');
    expect(connectTargets(d, from, '').map((t) => t.name)).toEqual(['spare 的输入 1', 'sum 的输入 2']);
    // The search finds a port by its name in the language shown.
    expect(connectTargets(d, from, '输入 2').map((t) => t.name)).toEqual(['sum 的输入 2']);
  });

  it('says where a node was inserted', async () => {
    await i18next.changeLanguage('en');
    insertItem({ type: 'node', kind: 'BatchNorm' } as never, { after: idOf('conv') }, false);
    expect(notice()).toBe('Inserted batch_norm_1 between conv and relu.');
    studio.getState().replaceDesign(design(), { fresh: true });
    await i18next.changeLanguage('zh');
    insertItem({ type: 'node', kind: 'BatchNorm' } as never, { after: idOf('conv') }, true);
    expect(notice()).toBe('已插入 batch_norm_1，作为 conv 的分支。');
  });

  it('says a preset does not exist', async () => {
    await i18next.changeLanguage('zh');
    await openPreset('nothing-like-this');
    expect(notice()).toBe('没有名为 nothing-like-this 的预置网络。');
    await i18next.changeLanguage('en');
    await openPreset('nothing-like-this');
    expect(notice()).toBe('There is no preset called nothing-like-this.');
  });
});
