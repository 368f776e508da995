import type { canvas as en } from '../en/canvas';
import type { Strings } from '../types';

export const canvas: Strings<typeof en> = {
  label: '设计画布',
  minimap: '缩略图',
  conv: { depthwise: '深度卷积', pointwise: '逐点卷积', group: '组卷积', standard: '卷积' },
  figures: {
    multiplyAdds: '乘加数',
    params: '参数量',
    peakActivations: '激活内存峰值',
    memoryAccess: '内存访问量',
  },
  time: '上次运行实测：每次推理 {{ms}} 毫秒。',
  timeShare: '上次运行实测：每次推理 {{ms}} 毫秒，占整体的 {{share}}%。',
  overBudget: '超出{{figure}}预算：此节点占总量的 {{share}}%。',
  shareOf: '{{figure}}的 {{share}}%',
  cannotConnect: '无法连接。',
  cannotConnectReason: '无法连接。{{reason}}',
  badge: '乘加数 {{madds}} · 参数量 {{params}}',
  badgeLabel: '乘加数 {{madds}}',
  outputShape: '输出形状 N×C×H×W',
  openBlock: '展开模块 {{label}}',
  openTitle: '就地展开（Enter）',
  closeBlock: '收起模块 {{label}}',
  closeTitle: '收起（Enter）',
  portIn: '{{label}} 的输入 {{n}}',
  portInTitle: '输入 {{n}}',
  portOut: '{{label}} 的输出 {{n}}',
  portOutTitle: '输出 {{n}}：拖到一个输入上即可连接',
  blockNoInput: '连接模块的输入后才能看到其中的基本算子。',
  blockCannot: '无法展开此模块。',
  blockBadSettings: '在这些设置下无法展开此模块。',
};
