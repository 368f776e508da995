import type { app as en } from '../en/app';
import type { Strings } from '../types';

export const app: Strings<typeof en> = {
  regionError: '<strong>{{region}}出了问题</strong>（{{message}}）。你的设计是安全的：它已保存在此浏览器中。',
  tryAgain: '重试',
  help: { title: '键盘快捷键', close: '关闭', mouse: '鼠标' },
  notice: { more: '…还有 {{count}} 条', dismiss: '关闭消息' },
  share: {
    title: '分享链接',
    size: '整个设计都在链接里（{{count}} 个字符）；不会上传任何内容。',
    noWeights:
      '导入模型的权重太大，放不进链接：链接只包含结构。保存为文件（文件 → 保存）才能连同权重一起分享。',
    copied: '已复制',
    copy: '复制链接',
    close: '关闭',
  },
  weights: {
    title: '导入的权重没有保存在此浏览器中（{{why}}）：重新加载就会丢失。把设计另存为文件即可保留。',
    label: '权重未保存在此浏览器中：{{why}}',
    short: '权重未保存',
  },
  boot: {
    shared: '已从分享链接打开“{{name}}”。',
    badLink: '分享链接：无法读取该链接',
    linkFailed: '无法打开此链接中的设计。',
    autosaveDamaged: '无法读取自动保存的设计；已将其另行保留。',
  },
  files: {
    unreadable: '无法读取 {{name}}。',
    notDesign: '{{name}} 不是本应用能打开的设计。',
    opened: '已打开 {{name}}。',
    untitled: '未命名',
  },
  documents: {
    kept: '“{{name}}”保留在 文件 → 最近的设计 中。',
    back: '回到“{{name}}”',
    opened: '已打开“{{name}}”；“{{before}}”保留在 文件 → 最近的设计 中。',
    unreadable: '无法从此浏览器的存储中读取“{{name}}”。',
    deleted: '已删除“{{name}}”。',
    undoDelete: '撤销',
  },
  recent: {
    title: '最近的设计',
    intro: '你创建或打开过的每个设计都保存在此浏览器中，连同它的撤销历史。',
    empty: '还没有其他设计。',
    listLabel: '此浏览器中的设计',
    edited: '编辑于 {{when}}',
    current: '当前打开',
    open: '打开',
    openName: '打开“{{name}}”',
    delete: '删除',
    deleteName: '删除“{{name}}”',
    confirm: '要从此浏览器中删除“{{name}}”吗？重新加载之前都可以撤销。',
    confirmDelete: '删除',
    cancel: '取消',
    close: '关闭',
  },
};
