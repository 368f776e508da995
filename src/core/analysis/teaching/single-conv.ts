import { fmt } from '../../ops/op-common';
import { msg } from '../../message';
import type { LayerInfo } from '../analysis-types';
import { conv, line, ratioText, type Lesson } from './lesson';

/** One primitive conv: group or depthwise against standard, or a 1×1 against guideline G1. */
export function singleConv(l: LayerInfo): Lesson | undefined {
  const c = conv(l);
  if (c === undefined) return undefined;
  if (c.g > 1) {
    const full = c.cout * c.hw * c.cin * c.k * c.k;
    return {
      title: msg(c.g === c.cin ? 'teachDepthwiseTitle' : 'teachGroupTitle'),
      source: { ref: 'Krizhevsky et al. 2012; Howard et al. 2017; Zhang et al. 2018' },
      lines: [
        line(
          'teachThisConv',
          "Cout·H'W'·(Cin/g)·k²",
          `${c.cout}·${c.hwText}·(${c.cin}/${c.g})·${c.k}²`,
          l.cost.multiplyAdds,
        ),
        line('teachStandardConv', "Cout·H'W'·Cin·k²", `${c.cout}·${c.hwText}·${c.cin}·${c.k}²`, full),
      ],
      ratio: {
        symbolic: '1/g',
        substituted: `1/${c.g} = ${ratioText(1 / c.g)}`,
        value: 1 / c.g,
        measured: l.cost.multiplyAdds / full,
      },
    };
  }
  if (c.k !== 1) return undefined;
  // G1: at fixed B = hw·c1·c2, MAC = hw(c1 + c2) + c1c2 ≥ 2√(hw·B) + B/hw, equal at c1 = c2.
  const b = l.cost.multiplyAdds;
  const least = 2 * Math.sqrt(c.hw * b) + b / c.hw;
  return {
    title: msg('teachG1Title'),
    source: { ref: 'Ma et al. 2018, ShuffleNetV2, section 2 (G1)' },
    lines: [
      line(
        'teachMac',
        'hw(c1 + c2) + c1·c2',
        `${c.hwText}·(${c.cin} + ${c.cout}) + ${c.cin}·${c.cout}`,
        l.cost.memoryAccessConvFc,
      ),
      line(
        'teachLeastMac',
        '2√(hw·B) + B/hw, B = hw·c1·c2',
        `2√(${c.hwText}·${fmt(b)}) + ${fmt(b)}/${fmt(c.hw)}`,
        Math.round(least),
      ),
    ],
    ratio: {
      symbolic: 'MAC / least MAC (1 when c1 = c2)',
      substituted: ratioText(l.cost.memoryAccessConvFc / least),
      value: l.cost.memoryAccessConvFc / least,
      measured: l.cost.memoryAccessConvFc / least,
    },
  };
}
