import type { LessonDef } from './types';

/** Deep expander networks [140]: the text; the live parts join when its worked example and knob are wired. */
export const expanderLesson: LessonDef = {
  id: 'expander',
  surveyRef: 140,
  level: 'layer',
  text: {
    en: {
      title: 'Deep expander networks',
      idea: 'Model the connections between a layer’s inputs and outputs as a sparse graph that is still well connected: an expander. Each output channel reads D input channels chosen from a random D-regular bipartite graph, for Cout·D·k² weights instead of Cout·Cin·k², and information still spreads across all channels within a few layers.',
      costs:
        'Irregular connections need a gather of channels before a grouped conv: a data move (G3) that a plain group conv avoids.',
      task: 'Pick the degree D that keeps every output reachable from every input within two layers with the fewest weights.',
      knob: 'Degree D',
    },
    zh: {
      title: '深度扩展图网络',
      idea: '把一层输入与输出之间的连接建模成稀疏但连通性良好的图，即扩展图。每个输出通道从随机 D 正则二部图选出的 D 个输入通道读取，权重为 Cout·D·k² 而不是 Cout·Cin·k²，信息仍能在几层之内传遍所有通道。',
      costs: '不规则的连接需要在分组卷积前先收集通道：普通组卷积不需要的数据搬运（G3）。',
      task: '选出在两层内让每个输出都能到达每个输入、且权重最少的度数 D。',
      knob: '度数 D',
    },
  },
};
