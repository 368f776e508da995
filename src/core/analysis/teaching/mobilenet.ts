import { fmt } from '../../ops/op-common';
import { msg } from '../../message';
import type { LayerInfo } from '../analysis-types';
import { conv, line, madds, ratioText, type Lesson, type LessonLine } from './lesson';

/** MobileNet lessons: depthwise-separable (V1) and inverted-residual (V2) blocks. */
export function depthwiseSeparable(layers: readonly LayerInfo[]): Lesson | undefined {
  const convs = layers.map(conv).filter((c) => c !== undefined);
  const dw = convs.find((c) => c.g > 1 && c.g === c.cin);
  const pw = convs.find((c) => c.k === 1 && c.g === 1);
  if (dw === undefined || pw === undefined) return undefined;
  const { k, cin: m, hwText } = dw;
  const n = pw.cout;
  const standard = k * k * m * n * dw.hw;
  const value = 1 / n + 1 / (k * k);
  return {
    title: msg('teachSeparableTitle'),
    source: { ref: 'Howard et al. 2017, MobileNets, section 3.1' },
    lines: [
      line('teachStandardConv', 'Dk²·M·N·DF²', `${k}²·${m}·${n}·${hwText}`, standard),
      line('teachDepthwise', 'Dk²·M·DF²', `${k}²·${m}·${hwText}`, dw.layer.cost.multiplyAdds),
      line('teachPointwise', 'M·N·DF²', `${m}·${n}·${hwText}`, pw.layer.cost.multiplyAdds),
    ],
    ratio: {
      symbolic: '(Dk²·M·DF² + M·N·DF²) / (Dk²·M·N·DF²) = 1/N + 1/Dk²',
      substituted: `1/${n} + 1/${k}² = ${ratioText(value)}`,
      value,
      measured: madds([dw.layer, pw.layer]) / standard,
    },
    note: msg('teachSeparableNote', { times: (1 / value).toFixed(1), k }),
  };
}

export function invertedResidual(layers: readonly LayerInfo[]): Lesson | undefined {
  const convs = layers.map(conv).filter((c) => c !== undefined);
  const dw = convs.find((c) => c.g > 1 && c.g === c.cin);
  if (dw === undefined) return undefined;
  const expand = convs.find((c) => c.k === 1 && c.layer.index < dw.layer.index);
  // The last conv: squeeze-and-excite's 1×1 convs sit between the depthwise and the projection.
  const project = convs[convs.length - 1];
  if (project === undefined || project.k !== 1 || project.layer.index < dw.layer.index) return undefined;
  const d1 = expand?.cin ?? dw.cin;
  const wide = dw.cin;
  const d2 = project.cout;
  const t = wide / d1;
  const k = dw.k;
  const lines: LessonLine[] = [];
  if (expand !== undefined)
    lines.push(
      line(
        'teachExpand1',
        'h·w·d′·(t·d′)',
        `${expand.inHwText}·${d1}·${wide}`,
        expand.layer.cost.multiplyAdds,
      ),
    );
  lines.push(
    line('teachDepthwise', "h'·w'·(t·d′)·k²", `${dw.hwText}·${wide}·${k}²`, dw.layer.cost.multiplyAdds),
  );
  lines.push(
    line(
      'teachProject1',
      "h'·w'·(t·d′)·d″",
      `${project.hwText}·${wide}·${d2}`,
      project.layer.cost.multiplyAdds,
    ),
  );
  const standard = dw.hw * d1 * d2 * k * k;
  lines.push(
    line(msg('teachInvertedStandard', { k }), "h'·w'·d′·d″·k²", `${dw.hwText}·${d1}·${d2}·${k}²`, standard),
  );
  const block = madds([dw.layer, project.layer]) + (expand?.layer.cost.multiplyAdds ?? 0);
  // The expansion runs on the input map, s² times the output map at stride s.
  const s2 = expand === undefined ? 0 : expand.inHw / Math.max(1, dw.hw);
  const value = (t * (s2 * d1 + k * k + d2)) / (d2 * k * k);
  return {
    title: msg('teachInvertedTitle'),
    source: { ref: 'Sandler et al. 2018, MobileNetV2, Table 1', after: msg('teachInvertedSource') },
    lines,
    ratio: {
      symbolic: 't·(s²·d′ + k² + d″) / (d″·k²), s = stride',
      substituted: `${fmt(t)}·(${fmt(s2)}·${d1} + ${k}² + ${d2}) / (${d2}·${k}²) = ${ratioText(value)}`,
      value,
      measured: block / standard,
    },
    note: msg('teachInvertedNote', { t: fmt(t), wide, d1, d2 }),
  };
}
