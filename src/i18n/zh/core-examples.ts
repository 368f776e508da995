import type { CitationProse, ExampleText, PresetText } from '../core-examples';

/** 每个示例展示的方法和一句话说明，以示例名为键。 */
export const examples: Readonly<Record<string, ExampleText>> = {
  fire_vs_conv3x3: {
    method: 'SqueezeNet 的 Fire 模块',
    shows: 'fire2（挤压 16，扩张 64+64；参数量 11,920，与表 1 所列一致）与一个 96→128 的 3×3 卷积对照',
  },
  depthwise_separable_vs_conv3x3: {
    method: 'MobileNet 深度可分离卷积',
    shows: 'MobileNet 论文表 3 中 14×14×512 的层：乘加数 4.62亿 → 5228万，参数量 235.9万 → 26.7万',
  },
  inverted_residual_vs_separable: {
    method: 'MobileNetV2 倒残差结构',
    shows: 't = 6 的倒残差块（24 通道，56×56）与它所扩展的 V1 深度可分离卷积对照',
  },
  shufflenet_unit_vs_resnet_bottleneck: {
    method: 'ShuffleNet 逐点组卷积 + 通道混洗',
    shows: 'g = 3 的 ShuffleNet 单元与 ResNet 瓶颈块对照：hw(2cm/g + 9m) 对 hw(2cm + 9m²)',
  },
  shufflenet_v2_unit_vs_v1_unit: {
    method: 'ShuffleNetV2 通道拆分',
    shows:
      '1× 网络第 2 阶段的第一个单元，同读一个 24×56×56 输入：V2 的单元（到 116 通道）与 V1 中 g = 3 的单元（到 240 通道）对照',
  },
  igc_vs_conv3x3: {
    method: 'IGC：交错组卷积',
    shows: 'L = 2、M = 32，共 64 通道，特征图 32×32：C(9M + L) 个权重，对照稠密卷积的 9C²',
  },
  igcv2_vs_conv3x3: {
    method: 'IGCV2：交错结构化稀疏卷积',
    shows:
      'C = 64、K = 4、L = 4（互补，4³ = 64）：9C + (L−1)·C·K = 1,344 个权重，对照稠密卷积的 9C² = 36,864',
  },
  flgc_vs_group_conv: {
    method: 'FLGC：完全可学习的组卷积',
    shows:
      "64 通道、3×3、G = 4：学得的输入分组为 24/24/8/8，每组 16 个滤波器，开销 Σ|in_g|·|out_g|·9·H'W' = 943.7万，与等分的组卷积相同，对照稠密卷积的 3775万",
  },
  direct_sparse_vs_dense: {
    method: '直接稀疏卷积',
    shows: "AlexNet conv3 的形状，密度 0.3：有效乘加数 nnz·H'W' 与 CSR 存储，对照稠密卷积",
  },
  direct_conv_vs_im2col: {
    method: '零内存开销的直接卷积',
    shows:
      '56×56×64 上的 3×3 卷积需要 9 倍于输入的 im2col 缓冲区，旁边的 1×1 卷积则不需要；两种实现方式下的内存峰值',
  },
  basis_filters_vs_conv3x3: {
    method: '低秩基滤波器（Ioannou 等）',
    shows: '16 个 1×3 与 16 个 3×1 基滤波器，加一个 1×1 组合（8,192 个权重），对照稠密 3×3 卷积（36,864）',
  },
  lcnn_vs_conv3x3: {
    method: 'LCNN：基于查表的卷积',
    shows:
      '含 k = 128 个向量的字典，每个滤波器位置查表 s = 3 次（有效乘加数 1016万，9,920 个数值 + 1,728 个索引），对照稠密的 64→64 3×3 卷积（3775万，36,864）',
  },
  versatile_vs_conv3x3: {
    method: '多功能滤波器（Wang 等）',
    shows:
      '32 个 3×3 主滤波器派生出 3×3 和中心 1×1 两种次级滤波器（存储 18,432 个权重，各有 10 个抽头），对照输出同为 64 的稠密 3×3 卷积（36,864）',
  },
  stochastic_depth: {
    method: '随机深度',
    shows: '6 个残差块，p_L = 0.5：训练时的期望乘加数 Σ p_l·代价(f_l) + 其余部分，对照推理时',
  },
  lccl_vs_conv3x3: {
    method: 'LCCL：低成本协同层',
    shows: '有效开销 代价(LCCL) + (1 − z)·代价(主卷积)，对照导出时的总和；z = 0.5 为手动设定',
  },
  deeprebirth_merge: {
    method: 'DeepRebirth：把非权重层合并进权重层',
    shows:
      '池化合并进它前面的卷积（步长 1 → 2，乘加数 ÷ 4），三个 1×1 分支连同拼接合并为一个卷积，对照训练时的网络',
  },
  deeprebirth_inception: {
    method: 'DeepRebirth：合并 Inception 模块的分支',
    shows:
      'GoogLeNet 的 Inception (3a)（参数 15.9万，乘加 1.28亿）对照合并后的模块：1×1 分支并入 3×3（宽 192），池化分支并入 5×5（宽 64）；少了一条非张量层分支，输出仍宽 256，在降维层瘦身之前乘加为 1.67亿',
  },
  expander_vs_group_conv: {
    method: '深度扩展图网络（X-Conv）',
    shows: '64 通道上 D = 8：与 g = 8 的组卷积同为 Cout·D·k² 个权重，但每个输入都能到达',
  },
  shift_vs_conv3x3: {
    method: '移位：零计算量、零参数的空间卷积替代',
    shows: '64 通道上的 1×1 → 移位 → 1×1：2C² 个权重，对照 3×3 卷积的 9C²',
  },
  sparse_shift_vs_shift: {
    method: '稀疏移位层（SSL）',
    shows: '1×1 → 移位 → 1×1，64 个通道全部移动与只移动 16 个对照：移位的内存访问量',
  },
  splitnet_tree: {
    method: 'SplitNet：把网络拆成不相交的分组',
    shows:
      '一个小型 CNN 拆成一棵树：conv1 之后分 2 组、conv2 之后分 4 组，各叶子负责的类别以数据给出：参数量和乘加数',
  },
  morphnet_shrink: {
    method: 'MorphNet：按批归一化 γ 收缩',
    shows: 'conv1 有 8 个通道的 γ = 0：收缩时删去它们（节省参数量和乘加数），然后扩展',
  },
  morphnet_expand: {
    method: 'MorphNet：均匀扩展',
    shows: '把一个小型 CNN 均匀加宽，直到用满乘加数预算',
  },
  nestednet_levels: {
    method: 'NestedNet：嵌套稀疏网络',
    shows: '一个小型 CNN 的 0.25 / 0.5 / 1 三个层级共享同一组权重：每个层级一行开销',
  },
};

const shuffleNetV2 = '通道拆分与通道混洗，按作者的布局：步长为 2 的单元在投影分支上保持输入宽度。';
const table5 = '（FLOPs 即乘加数，权重数即参数量）';
const shuffleNetV1Figure = {
  source: { after: '（复杂度；其中的 MFLOPs 即乘加数）' },
  note: '该行只计卷积主体：与本工具的构建去掉 1000 类分类器后一致。',
};
const mobileNetV3 = '搜索得到的倒残差结构，带挤压激励和 hard-swish，按 torchvision 的布局。';

/** 每个预设网络的说明和论文数字的注释，以预设名为键；注释以论文数字在 paperFigures 中的序号为键。 */
export const presets: Readonly<Record<string, PresetText>> = {
  squeezenet1_0: {
    title: 'SqueezeNet 1.0',
    description: '达到 AlexNet 的精度，参数量少 50 倍：Fire 模块、推迟下采样、没有全连接层。',
    figures: { 0: { source: { after: '（各层权重之和，剪枝前）' } } },
  },
  squeezenet1_1: {
    title: 'SqueezeNet 1.1',
    description: 'SqueezeNet 1.0 改用 64 个滤波器的 3×3 起始层并提前池化：计算量约少 2.4 倍，精度相同。',
  },
  mobilenet_v1: {
    title: 'MobileNetV1',
    description: '全部使用深度可分离卷积；宽度乘子 α 让每层变窄，分辨率乘子 ρ 让每张特征图变小。',
    figures: { 5: { note: '论文对这个数字做了截断，其余的数字则是四舍五入。' } },
  },
  mobilenet_v1_conv: {
    title: 'MobileNetV1（标准卷积）',
    description: '把每个深度可分离层换成完整 3×3 卷积的 MobileNetV1：论文中的基线。',
    figures: { 0: { note: '论文所列的乘加数不含 1024 × 1000 的全连接层。' } },
  },
  mobilenet_v2: {
    title: 'MobileNetV2',
    description: '带线性瓶颈的倒残差结构：1×1 扩张、3×3 深度卷积、不带激活函数的 1×1 投影。',
    figures: { 0: { note: '截断而非四舍五入；参数量只计卷积层和全连接层的权重（不含批归一化）。' } },
  },
  mobilenet_v3_small: {
    title: 'MobileNetV3-Small',
    description: mobileNetV3,
    figures: { 0: { note: '截断而非四舍五入。' } },
  },
  mobilenet_v3_large: {
    title: 'MobileNetV3-Large',
    description: mobileNetV3,
    figures: {
      0: {
        note: '参数量截断而非四舍五入。论文所列的乘加数高于按其表 1 结构搭出的网络；torchvision 的实现也是如此。',
      },
    },
  },
  shufflenet_v1: {
    title: 'ShuffleNet V1',
    description: '逐点组卷积与通道混洗；由 ShuffleUnitV1 组成的各阶段与论文表 1 及作者代码一致。',
    figures: {
      0: shuffleNetV1Figure,
      1: shuffleNetV1Figure,
      2: shuffleNetV1Figure,
      3: shuffleNetV1Figure,
      4: shuffleNetV1Figure,
    },
  },
  shufflenet_v2_x0_5: {
    title: 'ShuffleNet V2 0.5×',
    description: shuffleNetV2,
    figures: {
      0: {
        source: {
          after: `${table5}；按作者的做法计入卷积层和全连接层，表 5 的结构差一点才能四舍五入到这个数字`,
        },
      },
    },
  },
  shufflenet_v2_x1_0: {
    title: 'ShuffleNet V2 1×',
    description: shuffleNetV2,
    figures: { 0: { source: { after: table5 } } },
  },
  shufflenet_v2_x1_5: {
    title: 'ShuffleNet V2 1.5×',
    description: shuffleNetV2,
    figures: { 0: { source: { after: table5 } } },
  },
  shufflenet_v2_x2_0: {
    title: 'ShuffleNet V2 2×',
    description: shuffleNetV2,
    figures: { 0: { source: { after: table5 } } },
  },
};

/** 算子与模块所引论文前后的说明文字（文献本身按原文引用），以类型名为键。 */
export const citations: Readonly<Record<string, CitationProse>> = {
  VersatileConv: { after: '（综述参考文献 [136]）' },
  FullyLearnableGroupConv: { after: '（完全可学习的组卷积）' },
  LowRankConv: { after: '，低秩展开' },
  Stage: { before: '各阶段结构表：' },
  InterleavedStructuredSparseConv: { after: '（交错结构化稀疏卷积）' },
  BasisFilters: { after: '，低秩基滤波器' },
  SqueezeExcite: { after: '（按 MobileNetV3 的用法）' },
};
