import type { store as en } from '../en/store';
import type { Strings } from '../types';

/** Chinese has one plural form: i18next always picks `_other`; the `_one` keys only keep the two files in step. */
export const store: Strings<typeof en> = {
  join: {
    names: '、',
    sentences: '{{done}}{{next}}',
  },
  connection: { impossible: '无法建立此连接。' },
  rename: { refused: '不能使用这个名称。' },
  shape: { unknown: '未知形状' },
  deleted: {
    names: '已删除 {{names}}。',
    count_one: '已删除 {{count}} 个节点。',
    count_other: '已删除 {{count}} 个节点。',
    bridged: '已连接 {{from}} → {{to}}（{{shape}}）。',
    brokeManyWays: '{{target}} 的输入 {{port}} 已断开：被删除的部分有多个入口，因此未自动接通。',
    brokeShapes:
      '{{target}} 的输入 {{port}} 已断开：它原来接收 {{got}}，而 {{from}} 输出 {{gives}}，因此未自动接通。',
  },
  residual: {
    lost_one:
      '{{label}} 失去了 {{count}} 个残差相加：跳连要求步长为 1 且输入、输出通道数相同。撤销（Ctrl+Z）可恢复。',
    lost_other:
      '{{label}} 失去了 {{count}} 个残差相加：跳连要求步长为 1 且输入、输出通道数相同。撤销（Ctrl+Z）可恢复。',
    lostWidths_one:
      '{{label}} 失去了 {{count}} 个残差相加：跳连要求步长为 1 且输入、输出通道数相同（输入 {{input}}、输出 {{output}} 通道）。撤销（Ctrl+Z）可恢复。',
    lostWidths_other:
      '{{label}} 失去了 {{count}} 个残差相加：跳连要求步长为 1 且输入、输出通道数相同（输入 {{input}}、输出 {{output}} 通道）。撤销（Ctrl+Z）可恢复。',
    gained_one: '{{label}} 新增了 {{count}} 个残差相加：输入与输出现在形状相同。',
    gained_other: '{{label}} 新增了 {{count}} 个残差相加：输入与输出现在形状相同。',
    gainedWidths_one:
      '{{label}} 新增了 {{count}} 个残差相加：输入与输出现在形状相同（输入 {{input}}、输出 {{output}} 通道）。',
    gainedWidths_other:
      '{{label}} 新增了 {{count}} 个残差相加：输入与输出现在形状相同（输入 {{input}}、输出 {{output}} 通道）。',
  },
  refitted_one:
    '{{label}}：{{count}} 个层的形状改变了，其导入的权重已换为新初始化的权重；其余 {{kept}} 个层保留原权重。',
  refitted_other:
    '{{label}}：{{count}} 个层的形状改变了，其导入的权重已换为新初始化的权重；其余 {{kept}} 个层保留原权重。',
  undo: '撤销',
  stage: {
    noNode: '没有这个节点。',
    units_one: '{{label}} 现在有 {{count}} 个单元。',
    units_other: '{{label}} 现在有 {{count}} 个单元。',
    made_one:
      '{{label}} 已变为 {{stage}}：{{count}} 个单元，第一个保留它的步长和宽度，其余保持形状不变。撤销（Ctrl+Z）可还原。',
    made_other:
      '{{label}} 已变为 {{stage}}：{{count}} 个单元，第一个保留它的步长和宽度，其余保持形状不变。撤销（Ctrl+Z）可还原。',
    madeUnnamed_one:
      '{{label}} 已变为一个阶段：{{count}} 个单元，第一个保留它的步长和宽度，其余保持形状不变。撤销（Ctrl+Z）可还原。',
    madeUnnamed_other:
      '{{label}} 已变为一个阶段：{{count}} 个单元，第一个保留它的步长和宽度，其余保持形状不变。撤销（Ctrl+Z）可还原。',
  },
  autosave: {
    weightsRefused:
      '此模型的权重无法自动保存（{{why}}）；设计仍会自动保存，但不含权重。将其保存为文件（文件 → 保存）即可保留权重。',
    full: '浏览器为此网站提供的存储空间已满',
    blocked: '此浏览器不允许此网站存储数据（隐私模式或某项设置）',
    refused: '浏览器拒绝存储（{{message}}）',
  },
  share: {
    problem: '分享链接：{{why}}',
    tooLong:
      '链接长 {{length, number}} 个字符，超过了分享链接的长度上限（{{max, number}}；见 docs/limits.md）',
    tooBig:
      '此链接中的设计展开后超过了分享链接可容纳的设计长度上限（{{max, number}} 个字符；见 docs/limits.md）',
    damaged: '此链接中的设计已损坏（{{why}}）',
    why: {
      empty: '链接里没有设计',
      characters: '链接含有分享链接中不会出现的字符',
      cutShort: '链接被截断了',
      undecodable: '无法解压',
    },
  },
};
