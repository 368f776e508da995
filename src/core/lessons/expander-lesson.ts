import { connectionsOf, layersToConnectAll } from '../methods/expander-graph';
import { buildExample } from './example-of';
import { nodeByLabel, paramOf, patch } from './live';
import type { LessonDef } from './lesson-types';

/** The worked example: a 3×3 group conv beside an expander conv with the same fan-in, over 64 channels. */
const C = 64;

/** Layers of this expander conv, stacked, until every output depends on every input (undefined: never within 16). */
function mixingDepth(fanIn: number, seed: number): number | undefined {
  return layersToConnectAll(connectionsOf({ outChannels: C, fanIn, seed }, C), C);
}

/** Deep expander networks [140]: the idea, and the worked example wired to its knob, formula and task. */
export const expanderLesson: LessonDef = {
  id: 'expander',
  surveyRef: 140,
  level: 'layer',
  text: {
    en: {
      title: 'Deep expander networks',
      idea: 'Model the connections between a layer’s inputs and outputs as a sparse graph that is still well connected: an expander. Each output channel reads D input channels drawn at random (each output its own D, uniformly, from a seed kept in the design), for Cout·D·k² weights instead of Cout·Cin·k², and information still spreads across all channels within a few layers.',
      costs:
        'Irregular connections need a gather of channels before a grouped conv: a data move (G3) that a plain group conv avoids.',
      task: 'Pick the degree D that keeps every output reachable from every input within two layers with the fewest weights.',
      knob: 'Degree D',
    },
    zh: {
      title: '深度扩展图网络',
      idea: '把一层输入与输出之间的连接建模成稀疏但连通性良好的图，即扩展图。每个输出通道读取随机抽取的 D 个输入通道（每个输出各自均匀抽取，种子保存在设计中），权重为 Cout·D·k² 而不是 Cout·Cin·k²，信息仍能在几层之内传遍所有通道。',
      costs: '不规则的连接需要在分组卷积前先收集通道：普通组卷积不需要的数据搬运（G3）。',
      task: '选出在两层内让每个输出都能到达每个输入、且权重最少的度数 D。',
      knob: '度数 D',
    },
  },
  live: {
    knob: {
      values: [1, 2, 4, 8, 16, 32],
      format: (d) => `D = ${d}`,
      read: (design) => paramOf(design, 'expander', 'fanIn'),
      build: (d) => patch(buildExample(140), { group_conv: { groups: C / d }, expander: { fanIn: d } }),
    },
    formula(live) {
      const d = paramOf(live.analysis.design, 'expander', 'fanIn');
      if (d === undefined) return undefined;
      return {
        symbolic:
          'expander / dense conv = Cout·D·k² / (Cout·C·k²) = D / C (the group conv with g = C/D: the same)',
        substituted: `${d} / ${C}`,
        value: d / C,
        measured: live.method.params / (C * C * 9),
      };
    },
    paper: () => [],
    // Every output reaches every input within two stacked layers, and half the degree would not.
    check: (live) => {
      const d = paramOf(live.analysis.design, 'expander', 'fanIn');
      const node = nodeByLabel(live.analysis.design, 'expander');
      if (d === undefined || node?.kind !== 'ExpanderConv2d') return false;
      const seed = node.params.seed;
      const reach = (fanIn: number): number => mixingDepth(fanIn, seed) ?? Infinity;
      return reach(d) <= 2 && (d === 1 || reach(d / 2) > 2);
    },
  },
};
