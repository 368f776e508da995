import { msg } from '../../message';
import type { LayerInfo } from '../analysis-types';
import { conv, line, madds, ratioText, type Lesson } from './lesson';

/** The ShuffleNet V1 unit against the ResNet and ResNeXt bottlenecks. */
export function shuffleV1(layers: readonly LayerInfo[]): Lesson | undefined {
  const convs = layers.map(conv).filter((c) => c !== undefined);
  const [first, dw] = [convs[0], convs.find((c) => c.g > 1 && c.g === c.cin)];
  const last = convs[convs.length - 1];
  if (first === undefined || dw === undefined || last === undefined) return undefined;
  const c = first.cin;
  const m = first.cout;
  const g = last.g;
  const hw = dw.hw;
  const resnet = hw * (2 * c * m + 9 * m * m);
  const resnext = hw * (2 * c * m + (9 * m * m) / g);
  const shuffle = hw * ((2 * c * m) / g + 9 * m);
  return {
    title: msg('teachShuffleTitle'),
    source: { ref: 'Zhang et al. 2018, ShuffleNet, section 3.2', after: msg('teachShuffleSource') },
    lines: [
      line('teachResNet', 'hw(2cm + 9m²)', `${dw.hwText}·(2·${c}·${m} + 9·${m}²)`, resnet),
      line(
        'teachResNeXt',
        'hw(2cm + 9m²/g)',
        `${dw.hwText}·(2·${c}·${m} + 9·${m}²/${g})`,
        Math.round(resnext),
      ),
      line(
        'teachShuffleUnit',
        'hw(2cm/g + 9m)',
        `${dw.hwText}·(2·${c}·${m}/${g} + 9·${m})`,
        Math.round(shuffle),
      ),
    ],
    ratio: {
      symbolic: '(2cm/g + 9m) / (2cm + 9m²)',
      substituted: ratioText(shuffle / resnet),
      value: shuffle / resnet,
      measured: madds(layers) / resnet,
    },
    note: msg('teachShuffleNote'),
  };
}
