import type { palette as en } from '../en/palette';
import type { Strings } from '../types';

export const palette: Strings<typeof en> = {
  label: '组件面板',
  search: '搜索算子、模块、预设',
  searchLabel: '搜索组件面板',
  nothing: '没有与“{{query}}”匹配的项。',
  mineHint: '选中节点后按 Ctrl+G（或在检查器中点“保存为模块”）。',
  groups: {
    io: '输入与输出',
    conv: '卷积',
    normact: '归一化与激活',
    pooling: '池化与输出头',
    channel: '通道操作',
    blocks: '紧凑模块',
    presets: '预设网络',
    examples: '示例',
    mine: '我的模块',
  },
  variants: {
    depthwise: {
      title: '深度卷积 3×3',
      description: '每个通道一个 3×3 滤波器（分组数 = 通道数）；通道数取自它所接的节点。',
    },
    pointwise: { title: '逐点卷积 1×1', description: '在每个像素上混合通道：1×1 卷积。' },
    group: {
      title: '组卷积 1×1',
      description: '分成 g = 4 组的 1×1 卷积，ShuffleNet 的用法（分组数必须整除通道数）。',
    },
  },
  exampleRef: '综述参考文献 [{{ref}}] · example:{{name}}',
  userBlock: '{{nodes}} 个节点，{{edges}} 条连线',
  dragOpen: '拖到画布上，或按 Enter 打开',
  dragAdd: '拖到画布上，或按 Enter 添加',
  dragAddNode: '拖到画布上，或按 Enter 添加（Shift+Enter：作为分支）',
  remove: '从“我的模块”中删除 {{title}}',
};
