import type { NodeKind } from '../../core/design/design-types';
import type { Strings } from '../types';
import type { diagnostics as en } from '../en/core';

/** 诊断代码的简短说明，显示在核心给出的英文细节之前。 */
export const diagnostics: Strings<typeof en> = {
  CS001: '存在环路',
  CS002: '输入未连接',
  CS003: '通道数不匹配',
  CS004: '分组数不能整除通道数',
  CS005: '特征图尺寸降为零',
  CS006: '拼接的空间尺寸不一致',
  CS007: '张量维数不对',
  CS008: '参数设置无效',
  CS009: '拆分尺寸有误',
  CS010: '没有输入',
  CS011: '没有输出',
  CS012: '上游出错',
  CS013: '未知类型',
  CS014: '同一输入连了两次',
  CS015: '悬空的连线',
  CS016: '不透明算子',
  CS017: '形状不匹配',
  CS018: '输出未被使用',
  CS019: '分组不互补',
  CS020: '超出限制',
  CS021: '死端（结果未到达输出）',
};

/**
 * 每个算子与模块的名称和一句话说明，以类型名为键。类型按注册表中的种类逐一列出：新种类缺少中文时编译失败。
 */
export const kinds: {
  readonly [K in NodeKind]: { readonly title: string; readonly description: string };
} = {
  Input: { title: '输入', description: '网络读入的图像张量：1×C×H×W，批大小为 1。' },
  Conv2d: {
    title: '二维卷积',
    description: '卷积；深度卷积（分组数 = 通道数）、逐点卷积（1×1）和组卷积都是它的设置。',
  },
  BatchNorm: {
    title: '批归一化',
    description: '批归一化：每个通道一个缩放 γ 和平移 β（滑动均值和方差是缓冲区）。',
  },
  ReLU: { title: 'ReLU', description: '修正线性单元：max(0, x)。' },
  ReLU6: { title: 'ReLU6', description: 'min(max(0, x), 6)，MobileNet 的激活函数。' },
  HardSwish: { title: 'Hard-swish', description: 'x·ReLU6(x + 3)/6，MobileNetV3 的廉价 swish。' },
  HardSigmoid: { title: 'Hard-sigmoid', description: 'ReLU6(x + 3)/6，MobileNetV3 的廉价 sigmoid。' },
  Sigmoid: { title: 'Sigmoid', description: 'S 型函数：1/(1 + e^−x)。' },
  SiLU: { title: 'SiLU（swish）', description: 'x·sigmoid(x)，EfficientNet 使用的平滑激活函数。' },
  MaxPool: { title: '最大池化', description: '在滑动窗口内取最大值。' },
  AvgPool: { title: '平均池化', description: '在滑动窗口内取平均值。' },
  GlobalAvgPool: { title: '全局平均池化', description: '把每个通道在 H×W 上取平均，变为 1×1。' },
  Linear: { title: '全连接层', description: '作用于向量 N×F 的全连接层（特征图要先展平）。' },
  Flatten: { title: '展平', description: '把 N×C×H×W 变形为 N×(C·H·W)；只是视图，不搬运数据。' },
  Dropout: { title: 'Dropout', description: '训练时把比例为 p 的激活置零；推理时为恒等映射。' },
  Add: { title: '相加', description: '两个同形张量逐元素相加（残差连接）。' },
  Multiply: {
    title: '相乘（通道缩放）',
    description: '用 N×C×1×1 的逐通道系数缩放特征图的每个通道（挤压激励）。',
  },
  Concat: { title: '拼接', description: '沿通道维拼接特征图；空间尺寸必须一致。' },
  ChannelShuffle: {
    title: '通道混洗',
    description: '把通道在 g 个组之间交错排列，使组卷积之间能交换信息（ShuffleNet）。',
  },
  ChannelSplit: { title: '通道拆分', description: '把通道分成几部分，每部分是一个输出（ShuffleNetV2）。' },
  ClassMerge: {
    title: '类别合并（SplitNet）',
    description: '把拆分网络各组的类别分数按类别顺序合成一个向量；每组列出它负责的类别。',
  },
  Shift: {
    title: '移位',
    description: '每个通道按一个空间偏移移动：零参数量、零乘加数（Wu 等，2018）。',
  },
  SparseShift: {
    title: '稀疏移位',
    description: '只有一部分通道移动的移位，其余通道直接通过（Chen 等，2019，SSL）。',
  },
  Softmax: { title: 'Softmax', description: '把类别得分（第 1 维）归一化为概率。' },
  Output: { title: '输出', description: '把一个张量标记为网络的结果。' },
  Opaque: {
    title: '不透明 ONNX 算子',
    description: '导入的、Compact Studio 不建模的 ONNX 算子：原样保留，不做分析。',
  },
  Fire: {
    title: 'Fire 模块',
    description: '先用 1×1 卷积挤压到少量通道，再用并行的 1×1 和 3×3 卷积扩张，最后拼接。',
  },
  DepthwiseSeparable: {
    title: '深度可分离卷积',
    description: '深度 k×k 卷积 + BN + ReLU，然后逐点 1×1 卷积 + BN + ReLU。',
  },
  InvertedResidual: {
    title: '倒残差模块',
    description: '1×1 扩张、深度 k×k 卷积、可选的挤压激励、线性 1×1 投影；形状一致时带残差连接。',
  },
  SqueezeExcite: {
    title: '挤压激励模块',
    description: '根据各通道的全局平均计算门控，重新加权通道（参数很少，计算量约为 0）。',
  },
  ShuffleUnitV1: {
    title: 'ShuffleNet 单元',
    description:
      '分组 1×1、通道混洗、深度 3×3、分组 1×1；步长为 1 时与输入相加，步长为 2 时与输入的平均池化拼接。',
  },
  ShuffleUnitV2: {
    title: 'ShuffleNetV2 单元',
    description: '通道拆分（步长 1）或两条带步长的分支（步长 2），1×1/深度 3×3/1×1，拼接，再通道混洗。',
  },
  InterleavedGroupConv: {
    title: '交错组卷积',
    description: '主 3×3 组卷积（L 个分区），置换，次 1×1 组卷积（M 个分区），再置换回来。',
  },
  InterleavedStructuredSparseConv: {
    title: 'IGCV2 模块',
    description: '逐通道 3×3 卷积，然后是 L−1 个每支 K 通道的分组 1×1 卷积，其间做通道置换。',
  },
  ShiftBlock: {
    title: '移位模块',
    description: '1×1 卷积、零计算量的移位、1×1 卷积（下采样时带步长）；形状允许时带残差连接。',
  },
  LowRankConv: {
    title: '低秩卷积',
    description:
      '把 k×k 卷积拆成经过 r 个通道的 k×1 和 1×k 卷积（Jaderberg 等），或拆成 r 个 k×k 滤波器加 1×1 组合。',
  },
  BasisFilters: {
    title: '基滤波器',
    description: '并行的 1×k、k×1（和可选的 k×k）基滤波器，拼接后由 1×1 卷积组合。',
  },
  LookupConv: {
    title: '查表卷积（LCNN）',
    description: '滤波器由一个小字典构成的卷积：k 个字典向量，每个滤波器位置查 s 次、各乘一个系数。',
  },
  FullyLearnableGroupConv: {
    title: '完全可学习组卷积（FLGC）',
    description:
      '输入通道和滤波器都由学习分配到各组的组卷积：各组大小可以不同；代价为 Σ|in_g|·|out_g|·k²·H′W′。',
  },
  VersatileConv: {
    title: '多功能卷积',
    description:
      '多功能滤波器：每个 d×d 主滤波器生成 ⌈d/2⌉ 个居中的次级滤波器（δ > 0 时还有按通道步进的），各占一个输出通道；只存储主滤波器。',
  },
  ExpanderConv2d: {
    title: '扩展图卷积',
    description: '每个输出通道只读取 D 个输入通道的卷积，这 D 个输入由种子随机抽取（X-Conv）。',
  },
  LcclConv: {
    title: '带 LCCL 的卷积',
    description:
      'ReLU(k×k 卷积) 由 ReLU(廉价 1×1 卷积) 门控（逐元素相乘）：它预测为零的位置，主卷积可以跳过。',
  },
  BasicBlock: {
    title: 'ResNet 基本块',
    description: '两个 3×3 卷积加一条残差捷径（形状改变时捷径用 1×1 投影）。',
  },
  Bottleneck: {
    title: 'ResNet 瓶颈块',
    description: '1×1 降维、3×3、1×1 升维，外加一条残差捷径（ResNet-50 及更深的网络）。',
  },
  MBConv: {
    title: 'MBConv 模块（EfficientNet）',
    description: '带 SiLU 和挤压激励的倒残差模块，与 EfficientNet 相同。',
  },
  GhostModule: {
    title: 'Ghost 模块',
    description: '主卷积生成 c/s 个特征图，廉价的深度卷积生成其余的“幻影”特征图，二者拼接。',
  },
  GhostBottleneck: {
    title: 'Ghost 瓶颈模块',
    description:
      'Ghost 模块扩到中间通道，[步长 2 的深度卷积]，[挤压激励]，Ghost 模块缩到输出通道；残差相加。',
  },
  Stage: { title: '阶段', description: '一个单元重复 n 次：第一个可以带步长并加宽，其余保持形状。' },
};

/** 字段名称，以字段名为键（同名字段在各算子中含义相同）。 */
export const fieldLabels: Readonly<Record<string, string>> = {
  channels: '通道数',
  height: '高度',
  width: '宽度',
  outChannels: '输出通道数',
  kernel: '卷积核尺寸',
  stride: '步长',
  padding: '填充',
  dilation: '膨胀率',
  groups: '分组数',
  bias: '偏置',
  density: '权重密度',
  epsilon: 'epsilon',
  ceilMode: '向上取整',
  countIncludePad: '计入填充',
  outFeatures: '输出特征数',
  p: '丢弃概率',
  inputs: '输入数',
  parts: '份数',
  sizes: '各份通道数',
  classes: '各组的类别',
  fraction: '移动比例',
  shifts: '逐通道移位',
  opType: '算子类型',
  domain: '域',
  attributes: '属性',
  outputShapes: '输出形状',
  constants: '常量',
  squeeze: '挤压通道数',
  expand1x1: '1×1 扩张通道数',
  expand3x3: '3×3 扩张通道数',
  batchNorm: '批归一化（关闭时折叠进卷积偏置）',
  expansion: '扩张倍数',
  expandedChannels: '扩张后通道数',
  activation: '激活函数',
  squeezeExcite: '挤压激励',
  bnEpsilon: 'BN epsilon',
  squeezeChannels: '挤压通道数',
  reduction: '缩减倍数',
  divisor: '取整因子',
  gate: '门控函数',
  groupFirst: '第一个 1×1 也分组',
  primaryGroups: '主分组数',
  secondaryGroups: '次分组数',
  branchChannels: '每支通道数（K）',
  groupConvs: '分组 1×1 卷积个数（L − 1）',
  mode: '方式',
  rank: '秩',
  horizontal: '1×k 基滤波器个数（m₁）',
  vertical: 'k×1 基滤波器个数（m₂）',
  full: 'k×k 基滤波器个数（m₃）',
  unit: '单元',
  repeats: '重复次数',
  unitParams: '单元参数',
  firstParams: '首个单元参数',
  unitLabels: '单元名称',
  dictionarySize: '字典大小 k',
  lookups: '每个位置查表次数 s',
  channelGroups: '输入通道分组',
  filterGroups: '滤波器分组',
  seed: '随机种子',
  channelDelta: '通道跨度 δ = c − ĉ',
  channelStride: '通道步长 g',
  fanIn: '扇入 D',
  connections: '连接',
  zeroRatio: '零值比例 z（手动设置）',
  ratio: '比例 s',
  midChannels: '中间通道数',
  se: '挤压激励',
  dwKernel: '廉价卷积核尺寸 d',
  relu: '每个卷积后接 ReLU',
};

/** 个别算子里字段名称与通用名称不同的地方。 */
export const fieldLabelsByKind: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  BasisFilters: { kernel: '卷积核尺寸 k' },
  VersatileConv: { kernel: '主滤波器尺寸 d' },
  Bottleneck: { width: '瓶颈宽度' },
};

/** 字段的一句话说明，以类型名和字段名为键。 */
export const fieldHelp: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  GhostBottleneck: {
    midChannels: '偶数：每个 Ghost 模块用主卷积生成一半特征图（s = 2）。',
    outChannels: '偶数：每个 Ghost 模块用主卷积生成一半特征图（s = 2）。',
  },
  GhostModule: { ratio: 's：每 s 个特征图中一个由主卷积生成，其余是它的廉价“幻影”。' },
  Conv2d: {
    padding: '每一侧补的零（上下、左右各补这么多）。',
    groups: '通道分成这么多组；分组数 = 通道数即深度卷积。',
    density: '非零权重所占比例，用于直接稀疏卷积（Park 等，2017）；1 表示稠密。',
  },
  BatchNorm: { epsilon: '开方前加到方差上的小数；不影响成本。' },
  MaxPool: { ceilMode: '输出尺寸向上取整，最后一个不完整的窗口也算。' },
  AvgPool: {
    ceilMode: '输出尺寸向上取整，最后一个不完整的窗口也算。',
    countIncludePad: '除以整个窗口的大小，包括填充。',
  },
  Linear: { density: '非零权重所占比例，用于直接稀疏卷积（Park 等，2017）；1 表示稠密。' },
  Concat: { inputs: '拼接的特征图个数。' },
  ChannelShuffle: { groups: '把通道看作 g 组，依次从每组取一个交错排列。' },
  ClassMerge: { classes: '按输入顺序（树的各组）给出每组分数所对应的类别。' },
  ChannelSplit: {
    parts: '等分的份数，在各份通道数为空时使用。',
    sizes: '每个输出的通道数；总和必须等于输入通道数。',
  },
  Shift: { kernel: '通道被分配到 kernel×kernel 邻域的各个偏移上。' },
  SparseShift: {
    kernel: '通道被分配到 kernel×kernel 邻域的各个偏移上。',
    fraction: '移动的通道所占比例；其余通道原样通过。',
    shifts: '每个通道一个偏移，按 kernel×kernel 邻域逐行编号；中心位置不移动（留空：按比例）。',
  },
  InterleavedStructuredSparseConv: {
    branchChannels: '每个分组 1×1 卷积有 C/K 组，每组 K 个通道。',
    groupConvs: '当 K^(L−1) = C 时分组互补。',
  },
  BasisFilters: { full: '可选；0 表示不用。' },
  LookupConv: {
    padding: '每一侧补的零（上下、左右各补这么多）。',
    dictionarySize:
      '本层字典中的向量个数，每个向量的长度等于输入通道数；输入与所有字典向量各卷积一次（一个输出 k 张图的 1×1 卷积）。',
    lookups:
      '每个滤波器在其 kh×kw 的每个位置组合的字典向量个数（s 个互不相同的下标，各带一个系数）；不超过 k。',
  },
  FullyLearnableGroupConv: {
    padding: '每一侧补的零（上下、左右各补这么多）。',
    groups: 'G：每个输入通道和每个滤波器都恰好属于 G 组中的一组。',
    channelGroups: '按顺序给出每个输入通道所属的组（0 到 G − 1）；每组至少一个。留空：按种子随机分配。',
    filterGroups:
      '按顺序给出每个滤波器（输出通道）所属的组（0 到 G − 1）；每组至少一个。留空：按种子随机分配。',
    seed: '留空的分组列表按这个种子随机分配（如同训练开始时）。',
  },
  ExpanderConv2d: {
    fanIn: '每个输出通道读取的输入通道数。',
    seed: '随机扩展图的种子（每个输出的 D 个输入均匀抽取）：种子相同，图就相同。',
    connections: '图本身，按导入文件给出的连接（留空：由种子生成）。',
  },
  LcclConv: {
    zeroRatio: '协作层 ReLU 输出中零所占的比例；运行一次即可测得。',
  },
  VersatileConv: {
    outChannels: 'Cout = P·s·n：主滤波器数 × 空间次级滤波器数 × 通道次级滤波器数。',
    kernel: '一个 d×d 主滤波器生成 s = ⌈d/2⌉ 个空间次级滤波器：它居中的 (d − 2i)² 掩码。',
    padding: '每一侧补的零。',
    bias: '每个输出通道一个偏置，与作者的 VConv2d 相同。',
    channelDelta:
      '通道多功能滤波器：每个主滤波器覆盖输入的 c 个通道，每个次级滤波器保留其中 ĉ = c − δ 个通道的窗口；0 表示只用空间多功能滤波器。',
    channelStride: '次级滤波器通道窗口之间的偏移：每个主滤波器有 n = δ/g + 1 个（g 必须整除 δ）。',
  },
};
