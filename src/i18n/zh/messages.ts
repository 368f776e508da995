/**
 * The core's sentences in Chinese, keyed as the core's message catalogue (src/core/message-templates.ts).
 * Each names the same {{placeholders}} as its English template (a test checks).
 */
export const messages = {
  inputNotConnected: '输入 {{n}} 未连接。',
  noSuchPort: '有一条连线指向不存在的端口（{{from}} → {{to}}），已忽略。',
  inputWiredTwice: '输入 {{n}} 有多条连线，只使用第一条。',
  onCycle: '此节点在环路上：网络必须单向流动。请删除一条回连的连线。',
  afterCycle: '位于环路之后，形状未知。',
  upstreamProblem: '前面的节点有问题，暂时无法分析此节点。',
  unknownKind: '未知的节点类型 "{{kind}}"。',
  cannotBuildBlock: '无法构建此模块：{{reason}}',
  noInputNode: '设计中没有输入节点：请从组件面板添加一个。',
  noOutputNode: '设计中没有输出节点：请用一个输出节点标记结果。',
  deadEndNode: '死端：{{label}} 的结果没有到达任何输出。此节点仍计入总计；请把它接到后面，或删除它。',
  deadEndNodeCost:
    '死端：{{label}} 的结果没有到达任何输出。此节点仍计入总计（乘加 {{multiplyAdds, number}} 次，参数 {{params, number}} 个）；请把它接到后面，或删除它。',
  deadEndBranch:
    '死端：{{label}} 的结果没有到达任何输出。这条含 {{count}} 个节点的分支仍计入总计；请把它接到后面，或删除它。',
  deadEndBranchCost:
    '死端：{{label}} 的结果没有到达任何输出。这条含 {{count}} 个节点的分支仍计入总计（乘加 {{multiplyAdds, number}} 次，参数 {{params, number}} 个）；请把它接到后面，或删除它。',
  inside: '{{label}}：{{text}}',

  noSuchNode: '没有这个节点。',
  nameEmpty: '名称不能为空。',
  nameTaken: '已有节点叫 "{{name}}"。',
  bothEndsNodes: '连线两端都必须是设计中的节点。',
  noOutputPort: '{{label}} 没有输出 {{n}}。',
  noInputPort: '{{label}} 没有输入 {{n}}。',
  selfCycle: '把 {{label}} 连到自身会形成环路。',
  wouldCycle: '{{to}} 已经是 {{from}} 的上游：这条连线会形成环路。',
  inputTaken: '{{label}} 的输入 {{n}} 已有连线；请先删除那条连线。',
  stageRepeats: '一个阶段含 1 到 64 个单元。',
  notAStageUnit:
    '{{label}} 不能重复成阶段：阶段重复的是有宽度和步长的单元（倒残差、ShuffleNet 单元、深度可分离卷积……）。',
  stageUnitNames: '阶段中有两个单元同名。',
  stageEmpty: '阶段至少需要一个单元。',

  expectsFeatureMap: '需要特征图 N×C×H×W，收到的是 {{shape}}。',
  expectsChannels: '需要特征图 N×C×H×W 或向量 N×C，收到的是 {{shape}}。',
  expectsVector: '需要向量 N×F，收到的是 {{shape}}：请在前面加一个 Flatten。',
  kernelTooBig: '{{kernel}} 卷积核放不进填充为 {{padding}} 的 {{input}} 输入：输出将为空。',
  kernelTooBigNoPad: '{{kernel}} 卷积核放不进 {{input}} 输入：输出将为空。',
  filterTooBig: '{{kernel}} 滤波器放不进填充为 {{padding}} 的 {{input}} 输入：输出将为空。',
  windowTooBig: '{{kernel}} 窗口放不进 {{input}} 输入。',
  poolPadding: '填充最多为核大小的一半。',
  addChannels: '把 {{a}} 个通道与 {{b}} 个通道相加：两个输入的通道数必须相同。',
  addShapes: '把 {{a}} 与 {{b}} 相加：形状不同。',
  scaleChannels: '用 {{factors}} 个系数缩放 {{channels}} 个通道：数量必须一致。',
  scaleShape: '缩放系数必须是 N×C×1×1 或与输入同形，而不是 {{shape}}。',
  concatMapAfterVector: '输入 {{n}} 是特征图，而输入 1 是向量。',
  concatVectorAfterMap: '输入 {{n}} 是向量，而输入 1 是特征图。',
  concatSizes: '输入 {{n}} 是 {{size}}，输入 1 是 {{first}}：拼接需要相同的空间尺寸。',

  groupsInput: 'groups = {{groups}} 不能整除 {{channels}} 个输入通道。',
  groupsOutput: 'groups = {{groups}} 不能整除 {{channels}} 个输出通道。',
  groupsChannels: 'groups = {{groups}} 不能整除 {{channels}} 个通道。',
  splitTwoSizes: '拆分至少需要两个大小。',
  splitParts: '{{channels}} 个通道不能均分为 {{parts}} 份。',
  splitTotal: '各部分之和为 {{total}}，不等于 {{channels}} 个输入通道。',
  splitHalves: '{{channels}} 个输入通道不能均分为两半。',

  shuffleV1Residual: '步长为 1 的单元要把输入加回来，因此需要 {{channels}} 个输出通道，而不是 {{out}}。',
  shuffleV1Concat: '步长为 2 的单元会拼接它的 {{channels}} 个输入通道，因此输出通道必须多于 {{channels}}。',
  shuffleV1Bottleneck: '瓶颈层（out/4）至少需要 4 个输出通道。',
  shuffleV2Min: '该单元至少需要 2 个输出通道。',
  shuffleV2Width:
    '步长为 1 的 ShuffleNetV2 单元保持宽度不变（Ma et al. 2018，图 3c）：它收到 {{channels}} 个通道，所以必须输出 {{channels}} 个，而不是 {{out}}。请把输出通道设为 {{channels}}，或用步长 2 来加宽。',
  shuffleV2Projection: '投影分支保留全部 {{channels}} 个输入通道，因此该单元需要比这更多的输出通道。',
  shiftExpansion: 'out × expansion 至少要有一个被移位的通道。',
  basisOddKernel: 'k = {{kernel}}：基滤波器需要奇数尺寸才能保持特征图大小。',
  igcv2Branch: '每个分支 K = {{k}} 个通道，不能整除 {{channels}} 个通道。',
  igcv2Short:
    '不互补：K^(L−1) = {{k}}^{{power}} = {{reach, number}} < C = {{channels}}，所以一个输出只看到 {{channels}} 个输入通道中的 {{reach, number}} 个。',
  igcv2Redundant:
    '不互补：K^(L−1) = {{k}}^{{power}} > C = {{channels}}，所以有些输出经由不止一条路径到达同一输入（冗余权重）。',
  opaqueOp:
    '{{op}} 是 Compact Studio 未建模的 ONNX 算子：按原样保留，输出形状取自文件，代价不做分析（按 0 计）。',

  versatileDelta: 'δ = {{delta}} 没给主滤波器留下通道：ĉ = c − δ = {{channels}} − {{delta}} 至少要为 1。',
  versatileStride: '通道步长 g = {{stride}} 不能整除 δ = {{delta}}：次级滤波器必须止于最后一个通道。',
  versatileOutputs:
    '{{out}} 个输出通道不是主滤波器的整数倍：每个主滤波器给出 s·n = {{s}}·{{n}} = {{per}} 个通道。',
  lookupDictionary:
    '每个位置 s = {{lookups}} 次查找至少需要 {{lookups}} 个字典向量（k = {{k}}）：每次查找读取不同的向量。',
  expanderFanIn: '扇入 D = {{fanIn}} 多于 {{channels}} 个输入通道。',
  expanderCount: '连接图列出 {{given}} 条连接；{{out}} 个输出 × D = {{fanIn}} 需要 {{need}} 条。',
  expanderChannel: '连接图读取输入通道 {{channel}}，但只有 {{channels}} 个通道。',
  flgcTooFewChannels: '{{groups}} 组至少需要 {{groups}} 个输入通道，但只有 {{count}} 个：请减少分组数。',
  flgcTooFewFilters: '{{groups}} 组至少需要 {{groups}} 个滤波器，但只有 {{count}} 个：请减少分组数。',
  flgcChannelCount:
    '输入通道分组列出了 {{given}} 个输入通道，实际有 {{count}} 个：请为每个输入通道指定组号（0 到 {{last}}），或留空以使用带种子的随机分配。',
  flgcFilterCount:
    '滤波器分组列出了 {{given}} 个滤波器，实际有 {{count}} 个：请为每个滤波器指定组号（0 到 {{last}}），或留空以使用带种子的随机分配。',
  flgcChannelOutside:
    '输入通道分组把输入通道 {{item}} 放进第 {{group}} 组，但只有 {{groups}} 组（0 到 {{last}}）。',
  flgcFilterOutside:
    '滤波器分组把滤波器 {{item}} 放进第 {{group}} 组，但只有 {{groups}} 组（0 到 {{last}}）。',
  flgcChannelEmpty: '输入通道分组中第 {{group}} 组没有输入通道：每组至少需要一个输入通道。',
  flgcFilterEmpty: '滤波器分组中第 {{group}} 组没有滤波器：每组至少需要一个滤波器。',

  sumCeil: '向上取整',
  sumLookups: '{{n}} 次查找',
  sumSeeded: '随机分组',
  sumLearned: '学得分组',
  sumParts: '{{n}} 份',
  sumInputs: '{{n}} 个输入',
  sumShifted: '{{share}}% 通道',
  sumSparse: '稀疏 {{share}}%',
  sumBnFolded: 'BN 已折叠',

  teachFireTitle: 'Fire 模块与同宽的 3×3 卷积对比',
  teachFireSource: '（策略 1 和 2）',
  teachSqueeze1: '压缩 1×1',
  teachExpand1: '扩展 1×1',
  teachExpand3: '扩展 3×3',
  teachFireStandard: '3×3 卷积 Cin→e1x1+e3x3',
  teachFireNote: '压缩比 s1x1 / (e1x1 + e3x3) = {{ratio}}；扩展层的滤波器中 {{share}}% 为 3×3。',
  teachLowRankTitle: '低秩分解与完整 k×k 卷积对比',
  teachLowRankSource: '；综述中低秩滤波器一节',
  teachFirstConv: '第一个卷积',
  teachSecondConv: '第二个卷积',
  teachFullConv: '完整 {{k}}×{{k}} 卷积',
  teachSeparableTitle: '深度可分离卷积与标准卷积对比',
  teachStandardConv: '标准卷积',
  teachDepthwise: '深度卷积',
  teachPointwise: '逐点卷积',
  teachSeparableNote: '乘加数约为标准 {{k}}×{{k}} 卷积的 1/{{times}}。',
  teachInvertedTitle: '带线性瓶颈的倒残差',
  teachInvertedSource: '：步长为 1 时为 h·w·d′·t·(d′ + k² + d″)',
  teachProject1: '投影 1×1',
  teachInvertedStandard: '标准 {{k}}×{{k}} 卷积 d′→d″',
  teachInvertedNote:
    '扩展后的张量（t = {{t}}：{{wide}} 个通道）只存在于模块内部；残差由 {{d1}} 通道和 {{d2}} 通道的瓶颈传递。',
  teachShuffleTitle: 'ShuffleNet 单元与 ResNet、ResNeXt 瓶颈对比',
  teachShuffleSource: '（输入 c×h×w，瓶颈宽度 m，步长 1）',
  teachResNet: 'ResNet 瓶颈',
  teachResNeXt: 'ResNeXt 瓶颈',
  teachShuffleUnit: 'ShuffleNet 单元',
  teachShuffleNote:
    '实测比值用的是本单元自身的乘加数（步长为 2 时，其第一个 1×1 卷积在较大的特征图上运行）。',
  teachDepthwiseTitle: '深度卷积与标准卷积对比',
  teachGroupTitle: '分组卷积与标准卷积对比',
  teachThisConv: '本卷积',
  teachG1Title: '1×1 卷积的内存访问量（准则 G1）',
  teachMac: '内存访问量 MAC',
  teachLeastMac: '相同乘加数下的最小值',

  lessonConvsOnly: '（仅卷积层）',
  lessonVersatileResNet:
    '，ImageNet 结果：Versatile-ResNet-50，所有 k×k 卷积都换成空间多功能滤波器（论文印的是 75.6 MB float32 权重和 3.2×10⁹ FLOPs，即乘加数）',

  hintG1:
    '1×1 卷积 {{layer}} 把 {{c1}} 个通道映射到 {{c2}} 个；在乘加次数相同时改为等宽（{{c}} → {{c}}），内存访问量可减少 {{saving, number}}（{{share}}%）。',
  hintG2:
    '1×1 卷积 {{layer}} 使用 {{groups}} 组；在乘加次数相同时，减少分组可少 {{saving, number}} 次内存访问（占该层的 {{share}}%）。',
  hintG3:
    '{{block}} 并行运行 {{width}} 条卷积路径（共 {{convs}} 个卷积）：碎片化的模块妨碍 GPU 并行；连接它们的拆分、拼接和相加要搬运 {{glue, number}} 个元素。',
  hintG4:
    '逐元素运算（激活、相加、批归一化、缩放）占全部内存访问量的 {{share}}%（{{elements, number}} 个元素），却不做任何乘加；部署视图会把批归一化和激活融合进卷积。',
} as const;
