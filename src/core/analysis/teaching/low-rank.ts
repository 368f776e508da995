import type { Conv2dParams } from '../../ops/conv2d';
import { msg } from '../../message';
import type { LayerInfo } from '../analysis-types';
import { conv, line, madds, ratioText, type Lesson } from './lesson';

/** Low-rank factorisation (mode 'separable': a k×1 then a 1×k conv) against the full k×k conv. */
export function lowRank(layers: readonly LayerInfo[]): Lesson | undefined {
  const convs = layers.map(conv).filter((c) => c !== undefined);
  const [a, b] = convs;
  if (a === undefined || b === undefined) return undefined;
  const k = Math.max(a.k, (b.layer.params as Conv2dParams).kernel[1], b.k);
  const standard = b.hw * a.cin * b.cout * k * k;
  const value = madds([a.layer, b.layer]) / standard;
  return {
    title: msg('teachLowRankTitle'),
    source: { ref: 'Jaderberg et al. 2014, scheme 2', after: msg('teachLowRankSource') },
    lines: [
      line(
        'teachFirstConv',
        'H′W′·Cin·r·kh·kw',
        `${a.hwText}·${a.cin}·${a.cout}·${(a.layer.params as Conv2dParams).kernel.join('·')}`,
        a.layer.cost.multiplyAdds,
      ),
      line(
        'teachSecondConv',
        'H′W′·r·Cout·kh·kw',
        `${b.hwText}·${b.cin}·${b.cout}·${(b.layer.params as Conv2dParams).kernel.join('·')}`,
        b.layer.cost.multiplyAdds,
      ),
      line(msg('teachFullConv', { k }), 'H′W′·Cin·Cout·k²', `${b.hwText}·${a.cin}·${b.cout}·${k}²`, standard),
    ],
    ratio: { symbolic: 'factorised / full', substituted: ratioText(value), value, measured: value },
  };
}
