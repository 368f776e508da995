import type { actions as en } from '../en/actions';
import type { Strings } from '../types';

/** 应用操作的提示：连接、插入、打开预置网络和示例、导出、导入、模块。 */
export const actions: Strings<typeof en> = {
  connect: {
    title: '连接 {{node}}',
    from: '从',
    output: '输出 {{n}}',
    search: '查找要连接的输入',
    placeholder: '输入节点名称…',
    list: '可接入的输入',
    none: '没有空闲的输入能接收这个输出。',
    noneMatching: '没有与“{{query}}”匹配的空闲输入能接收这个输出。',
    gives: '{{kind}}，当前输出 {{shape}}',
    done: '已将 {{from}} 连接到 {{to}}。',
    refused: '无法连接。{{reason}}',
    pickOne: '请选中一个节点作为连接的起点。',
  },
  open: {
    presetFailed: '无法构建预置网络 {{name}}：{{message}}',
    exampleFailed: '无法构建示例 {{name}}：{{message}}',
    preset: '已将 {{title}} 打开为新设计。',
    example: '已将示例“{{method}}”打开为新设计。',
    noPreset: '没有名为 {{name}} 的预置网络。',
    noExample: '没有名为 {{name}} 的示例。',
  },
  insert: {
    refused: '{{name}} 不能接在 {{before}} 之后，已保持未连接：{{reason}}',
    stale: '设计已被修改，请重新添加该节点。',
    fixed: '{{fix}}：{{name}} 现已接在 {{before}} 之后。',
    branch: '已插入 {{name}}，作为 {{before}} 的分支。',
    between: '已在 {{before}} 与 {{followers}} 之间插入 {{name}}。',
    after: '已在 {{before}} 之后插入 {{name}}。',
    separator: '、',
    breaks: '{{inserted}}它导致 {{node}} 出错：{{message}}',
  },
  onnx: {
    exporting: '正在将 {{name}} 导出为 ONNX…',
    refused: '此设计暂时无法导出：请先修复画布上标出的问题。',
    exported: '已导出 {{file}}（{{size}}，opset 17）。',
    exportedDeploy: '已导出 {{file}}（{{size}}，opset 17，已折叠批归一化）。',
    importing: '正在导入 {{file}}…',
    importFailed: '无法导入 {{file}}：{{error}}',
    imported_one: '已导入 {{file}}：{{count}} 个节点。',
    imported_other: '已导入 {{file}}：{{count}} 个节点。',
    importedInvalid_one: '已导入 {{file}}：{{count}} 个节点，存在问题，修复后才能导出。',
    importedInvalid_other: '已导入 {{file}}：{{count}} 个节点，存在问题，修复后才能导出。',
  },
  torch: {
    exporting: '正在将 {{name}} 导出为 PyTorch…',
    refused: '此设计无法写成 PyTorch 代码：原因见下。',
    exported: '已导出 {{file}}：build_model() 返回该网络，可直接训练。',
    exportedWeights:
      '已导出 {{zip}}：{{file}} 和 {{weights}}（{{size}}）合在一个文件里；解压到同一目录后，build_model() 会加载权重。',
  },
  training: {
    exporting: '正在将 {{name}} 写成 PyTorch 训练项目…',
    exported:
      '已导出 {{file}}（{{size}}）：解压后运行 train.py（README.md 说明单 GPU、torchrun 与 Slurm 的用法）。',
    noWeights: '请选择训练输出的 weights.safetensors（同时选择 metrics.jsonl 可记录训练结果）。',
    refused: '未加载 {{file}}：原因见下。',
    loaded_one: '已从 {{file}} 加载训练好的权重到 {{count}} 个层。',
    loaded_other: '已从 {{file}} 加载训练好的权重到 {{count}} 个层。',
    loadedResult_one:
      '已从 {{file}} 加载训练好的权重到 {{count}} 个层；已记录 {{data}} {{split}} top-1 {{top1}}%。',
    loadedResult_other:
      '已从 {{file}} 加载训练好的权重到 {{count}} 个层；已记录 {{data}} {{split}} top-1 {{top1}}%。',
  },
  blocks: {
    name: '模块 {{n}}',
    saved: '已将 {{name}} 保存到“我的模块”。',
  },
  inspect: { pickOne: '请选中一个节点以编辑其设置。' },
  sample: { name: '样例网络' },
};
