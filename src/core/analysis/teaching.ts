import type { Conv2dParams } from '../layers/conv2d';
import { fmt } from '../layers/common';
import type { Analysis, LayerInfo } from './types';

/**
 * The formula behind a block's cost, with the design's own numbers filled in, next to what the
 * same job costs done the plain way: the comparisons the compact-network papers teach with.
 */
export interface LessonLine {
  readonly label: string;
  readonly symbolic: string;
  readonly substituted: string;
  readonly value: number;
}

export interface Lesson {
  readonly title: string;
  /** The paper and place the formula comes from. */
  readonly source: string;
  readonly lines: readonly LessonLine[];
  /** The block's cost over the plain alternative: the paper's closed form, and as measured here. */
  readonly ratio?: {
    readonly symbolic: string;
    readonly substituted: string;
    readonly value: number;
    readonly measured: number;
  };
  readonly note?: string;
}

interface Conv {
  readonly layer: LayerInfo;
  readonly cin: number;
  readonly cout: number;
  readonly k: number;
  readonly g: number;
  /** Output height × width. */
  readonly hw: number;
  readonly hwText: string;
  readonly inHw: number;
  readonly inHwText: string;
}

function conv(l: LayerInfo): Conv | undefined {
  if (l.op !== 'Conv2d') return undefined;
  const p = l.params as Conv2dParams;
  const [, cin = 0, ih = 0, iw = 0] = l.inputShapes[0] ?? [];
  const [, , oh = 0, ow = 0] = l.outputShapes[0] ?? [];
  const area = (h: number, w: number): string => (h === w ? `${h}²` : `${h}·${w}`);
  return {
    layer: l,
    cin,
    cout: p.outChannels,
    k: p.kernel[0],
    g: p.groups,
    hw: oh * ow,
    hwText: area(oh, ow),
    inHw: ih * iw,
    inHwText: area(ih, iw),
  };
}

const line = (label: string, symbolic: string, numbers: string, value: number): LessonLine => ({
  label,
  symbolic,
  substituted: `${numbers} = ${fmt(value)}`,
  value,
});

const madds = (layers: readonly LayerInfo[]): number => layers.reduce((s, l) => s + l.cost.multiplyAdds, 0);
const ratioText = (v: number): string => v.toFixed(4);

function depthwiseSeparable(layers: readonly LayerInfo[]): Lesson | undefined {
  const convs = layers.map(conv).filter((c) => c !== undefined);
  const dw = convs.find((c) => c.g > 1 && c.g === c.cin);
  const pw = convs.find((c) => c.k === 1 && c.g === 1);
  if (dw === undefined || pw === undefined) return undefined;
  const { k, cin: m, hwText } = dw;
  const n = pw.cout;
  const standard = k * k * m * n * dw.hw;
  const value = 1 / n + 1 / (k * k);
  return {
    title: 'Depthwise-separable against standard convolution',
    source: 'Howard et al. 2017, MobileNets, section 3.1',
    lines: [
      line('Standard conv', 'Dk²·M·N·DF²', `${k}²·${m}·${n}·${hwText}`, standard),
      line('Depthwise', 'Dk²·M·DF²', `${k}²·${m}·${hwText}`, dw.layer.cost.multiplyAdds),
      line('Pointwise', 'M·N·DF²', `${m}·${n}·${hwText}`, pw.layer.cost.multiplyAdds),
    ],
    ratio: {
      symbolic: '(Dk²·M·DF² + M·N·DF²) / (Dk²·M·N·DF²) = 1/N + 1/Dk²',
      substituted: `1/${n} + 1/${k}² = ${ratioText(value)}`,
      value,
      measured: madds([dw.layer, pw.layer]) / standard,
    },
    note: `About ${(1 / value).toFixed(1)}× fewer multiply-adds than a standard ${k}×${k} conv.`,
  };
}

function invertedResidual(layers: readonly LayerInfo[]): Lesson | undefined {
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
      line('Expand 1×1', 'h·w·d′·(t·d′)', `${expand.inHwText}·${d1}·${wide}`, expand.layer.cost.multiplyAdds),
    );
  lines.push(line('Depthwise', "h'·w'·(t·d′)·k²", `${dw.hwText}·${wide}·${k}²`, dw.layer.cost.multiplyAdds));
  lines.push(
    line(
      'Project 1×1',
      "h'·w'·(t·d′)·d″",
      `${project.hwText}·${wide}·${d2}`,
      project.layer.cost.multiplyAdds,
    ),
  );
  const standard = dw.hw * d1 * d2 * k * k;
  lines.push(
    line(`Standard ${k}×${k} conv d′→d″`, "h'·w'·d′·d″·k²", `${dw.hwText}·${d1}·${d2}·${k}²`, standard),
  );
  const block = madds([dw.layer, project.layer]) + (expand?.layer.cost.multiplyAdds ?? 0);
  // The expansion runs on the input map, s² times the output map at stride s.
  const s2 = expand === undefined ? 0 : expand.inHw / Math.max(1, dw.hw);
  const value = (t * (s2 * d1 + k * k + d2)) / (d2 * k * k);
  return {
    title: 'Inverted residual with linear bottleneck',
    source: 'Sandler et al. 2018, MobileNetV2, Table 1: h·w·d′·t·(d′ + k² + d″) at stride 1',
    lines,
    ratio: {
      symbolic: 't·(s²·d′ + k² + d″) / (d″·k²), s = stride',
      substituted: `${fmt(t)}·(${fmt(s2)}·${d1} + ${k}² + ${d2}) / (${d2}·${k}²) = ${ratioText(value)}`,
      value,
      measured: block / standard,
    },
    note: `The expanded tensor (t = ${fmt(t)}: ${wide} channels) only lives inside the block; the ${d1}- and ${d2}-channel bottlenecks carry the residual.`,
  };
}

function fire(layers: readonly LayerInfo[]): Lesson | undefined {
  const convs = layers.map(conv).filter((c) => c !== undefined);
  const [sq, e1, e3] = [convs[0], convs.find((c, i) => i > 0 && c.k === 1), convs.find((c) => c.k === 3)];
  if (sq === undefined || e1 === undefined || e3 === undefined) return undefined;
  const cin = sq.cin;
  const s = sq.cout;
  const out = e1.cout + e3.cout;
  const fireParams = cin * s + s * e1.cout + 9 * s * e3.cout;
  const standard = 9 * cin * out;
  return {
    title: 'Fire module against a 3×3 conv of the same width',
    source: 'Iandola et al. 2016, SqueezeNet, section 3.1 (strategies 1 and 2)',
    lines: [
      line('Squeeze 1×1', 'Cin·s1x1', `${cin}·${s}`, cin * s),
      line('Expand 1×1', 's1x1·e1x1', `${s}·${e1.cout}`, s * e1.cout),
      line('Expand 3×3', '9·s1x1·e3x3', `9·${s}·${e3.cout}`, 9 * s * e3.cout),
      line('3×3 conv Cin→e1x1+e3x3', '9·Cin·(e1x1 + e3x3)', `9·${cin}·${out}`, standard),
    ],
    ratio: {
      symbolic: '(Cin·s1x1 + s1x1·e1x1 + 9·s1x1·e3x3) / (9·Cin·(e1x1 + e3x3))  (weights)',
      substituted: `${fmt(fireParams)} / ${fmt(standard)} = ${ratioText(fireParams / standard)}`,
      value: fireParams / standard,
      measured: convs.reduce((a, c) => a + c.cout * (c.cin / c.g) * c.k * c.k, 0) / standard,
    },
    note: `Squeeze ratio s1x1 / (e1x1 + e3x3) = ${ratioText(s / out)}; ${Math.round((100 * e3.cout) / out)}% of the expand filters are 3×3.`,
  };
}

function shuffleV1(layers: readonly LayerInfo[]): Lesson | undefined {
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

function lowRank(layers: readonly LayerInfo[]): Lesson | undefined {
  const convs = layers.map(conv).filter((c) => c !== undefined);
  const [a, b] = convs;
  if (a === undefined || b === undefined) return undefined;
  const k = Math.max(a.k, (b.layer.params as Conv2dParams).kernel[1], b.k);
  const standard = b.hw * a.cin * b.cout * k * k;
  const value = madds([a.layer, b.layer]) / standard;
  return {
    title: 'Low-rank factorisation against a full k×k conv',
    source: 'Jaderberg et al. 2014, scheme 2; survey section on low-rank filters',
    lines: [
      line(
        'First conv',
        'H′W′·Cin·r·kh·kw',
        `${a.hwText}·${a.cin}·${a.cout}·${(a.layer.params as Conv2dParams).kernel.join('·')}`,
        a.layer.cost.multiplyAdds,
      ),
      line(
        'Second conv',
        'H′W′·r·Cout·kh·kw',
        `${b.hwText}·${b.cin}·${b.cout}·${(b.layer.params as Conv2dParams).kernel.join('·')}`,
        b.layer.cost.multiplyAdds,
      ),
      line(`Full ${k}×${k} conv`, 'H′W′·Cin·Cout·k²', `${b.hwText}·${a.cin}·${b.cout}·${k}²`, standard),
    ],
    ratio: { symbolic: 'factorised / full', substituted: ratioText(value), value, measured: value },
  };
}

function singleConv(l: LayerInfo): Lesson | undefined {
  const c = conv(l);
  if (c === undefined) return undefined;
  if (c.g > 1) {
    const full = c.cout * c.hw * c.cin * c.k * c.k;
    return {
      title: c.g === c.cin ? 'Depthwise against standard convolution' : 'Group against standard convolution',
      source: 'Krizhevsky et al. 2012; Howard et al. 2017; Zhang et al. 2018',
      lines: [
        line(
          'This conv',
          "Cout·H'W'·(Cin/g)·k²",
          `${c.cout}·${c.hwText}·(${c.cin}/${c.g})·${c.k}²`,
          l.cost.multiplyAdds,
        ),
        line('Standard conv', "Cout·H'W'·Cin·k²", `${c.cout}·${c.hwText}·${c.cin}·${c.k}²`, full),
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
    title: 'Memory access of a 1×1 conv (guideline G1)',
    source: 'Ma et al. 2018, ShuffleNetV2, section 2 (G1)',
    lines: [
      line(
        'MAC',
        'hw(c1 + c2) + c1·c2',
        `${c.hwText}·(${c.cin} + ${c.cout}) + ${c.cin}·${c.cout}`,
        l.cost.memoryAccessConvFc,
      ),
      line(
        'Least at these multiply-adds',
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

/** The lesson for a top-level node, or for one primitive layer ("n5/n2"), if its kind has one. */
export function lessonFor(analysis: Analysis, id: string): Lesson | undefined {
  const layer = analysis.layers.find((l) => l.id === id);
  if (layer !== undefined && (id.includes('/') || layer.block === undefined)) return singleConv(layer);
  const info = analysis.nodes.get(id);
  const node = analysis.design.nodes.find((n) => n.id === id);
  if (info === undefined || node === undefined) return undefined;
  const layers = analysis.layers.slice(info.layers[0], info.layers[1]);
  switch (node.kind) {
    case 'DepthwiseSeparable':
      return depthwiseSeparable(layers);
    case 'InvertedResidual':
      return invertedResidual(layers);
    case 'Fire':
      return fire(layers);
    case 'ShuffleUnitV1':
      return shuffleV1(layers);
    case 'LowRankConv':
      return node.params.mode === 'separable' ? lowRank(layers) : undefined;
    default:
      return undefined;
  }
}
