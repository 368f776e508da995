import type { LayerInfo } from '../types';
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
    title: 'ShuffleNet unit against ResNet and ResNeXt bottlenecks',
    source: 'Zhang et al. 2018, ShuffleNet, section 3.2 (input c×h×w, bottleneck m, stride 1)',
    lines: [
      line('ResNet bottleneck', 'hw(2cm + 9m²)', `${dw.hwText}·(2·${c}·${m} + 9·${m}²)`, resnet),
      line(
        'ResNeXt bottleneck',
        'hw(2cm + 9m²/g)',
        `${dw.hwText}·(2·${c}·${m} + 9·${m}²/${g})`,
        Math.round(resnext),
      ),
      line(
        'ShuffleNet unit',
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
    note: 'The measured ratio uses this unit’s own multiply-adds (at stride 2 its first 1×1 runs on the larger map).',
  };
}
