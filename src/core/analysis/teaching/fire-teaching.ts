import { fmt } from '../../ops/op-common';
import { msg } from '../../message';
import type { LayerInfo } from '../analysis-types';
import { conv, line, ratioText, type Lesson } from './lesson';

/** SqueezeNet's Fire module, counted in weights as the paper does. */
export function fire(layers: readonly LayerInfo[]): Lesson | undefined {
  const convs = layers.map(conv).filter((c) => c !== undefined);
  const [sq, e1, e3] = [convs[0], convs.find((c, i) => i > 0 && c.k === 1), convs.find((c) => c.k === 3)];
  if (sq === undefined || e1 === undefined || e3 === undefined) return undefined;
  const cin = sq.cin;
  const s = sq.cout;
  const out = e1.cout + e3.cout;
  const fireParams = cin * s + s * e1.cout + 9 * s * e3.cout;
  const standard = 9 * cin * out;
  return {
    title: msg('teachFireTitle'),
    source: { ref: 'Iandola et al. 2016, SqueezeNet, section 3.1', after: msg('teachFireSource') },
    lines: [
      line('teachSqueeze1', 'Cin·s1x1', `${cin}·${s}`, cin * s),
      line('teachExpand1', 's1x1·e1x1', `${s}·${e1.cout}`, s * e1.cout),
      line('teachExpand3', '9·s1x1·e3x3', `9·${s}·${e3.cout}`, 9 * s * e3.cout),
      line('teachFireStandard', '9·Cin·(e1x1 + e3x3)', `9·${cin}·${out}`, standard),
    ],
    ratio: {
      symbolic: '(Cin·s1x1 + s1x1·e1x1 + 9·s1x1·e3x3) / (9·Cin·(e1x1 + e3x3))  (weights)',
      substituted: `${fmt(fireParams)} / ${fmt(standard)} = ${ratioText(fireParams / standard)}`,
      value: fireParams / standard,
      measured: convs.reduce((a, c) => a + c.cout * (c.cin / c.g) * c.k * c.k, 0) / standard,
    },
    note: msg('teachFireNote', { ratio: ratioText(s / out), share: Math.round((100 * e3.cout) / out) }),
  };
}
