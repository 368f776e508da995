/**
 * Every sentence the core composes for a person (a design's problems, the guideline hints), in English, with
 * `{{name}}` for the values it names. Keys are stable: a UI translates by them, tests key on them.
 */
export const messageTemplates = {
  // Wiring and the graph.
  inputNotConnected: 'Input {{n}} is not connected.',
  noSuchPort: 'A connection points to a port that does not exist ({{from}} → {{to}}); it is ignored.',
  inputWiredTwice: 'Input {{n}} has more than one connection; only the first is used.',
  // The repairs offered when a new node cannot join a wire (button labels).
  fixTakeChannels: 'Take {{channels}} channels from the wire',
  fixFlattenFirst: 'Add a Flatten first',
  onCycle:
    'This node is on a cycle: a network must flow one way. Remove one of the connections that loop back.',
  afterCycle: 'Comes after a cycle, so its shape is unknown.',
  upstreamProblem: 'An earlier node has a problem, so this one cannot be analysed yet.',
  unknownKind: 'Unknown node kind "{{kind}}".',
  cannotBuildBlock: 'Cannot build this block: {{reason}}',
  noInputNode: 'The design has no Input node: add one from the palette.',
  noOutputNode: 'The design has no Output node: mark the result with one.',
  deadEndNode:
    "Dead end: {{label}}'s result reaches no Output. This node still counts in the totals; connect it onward or delete it.",
  deadEndNodeCost:
    "Dead end: {{label}}'s result reaches no Output. This node still counts in the totals ({{multiplyAdds, number}} multiply-adds, {{params, number}} params); connect it onward or delete it.",
  deadEndBranch:
    "Dead end: {{label}}'s result reaches no Output. This branch of {{count}} nodes still counts in the totals; connect it onward or delete it.",
  deadEndBranchCost:
    "Dead end: {{label}}'s result reaches no Output. This branch of {{count}} nodes still counts in the totals ({{multiplyAdds, number}} multiply-adds, {{params, number}} params); connect it onward or delete it.",
  inside: '{{label}}: {{text}}',

  invalidSetting: '{{field}}: {{issue}}.',
  invalidSettings: 'Settings: {{issue}}.',

  // A setting's value a schema refuses ("kernel: must be at least 1").
  issueAtLeast: 'must be at least {{n}}',
  issueMoreThan: 'must be more than {{n}}',
  issueAtMost: 'must be at most {{n}}',
  issueLessThan: 'must be less than {{n}}',
  countItems: '{{n}} items',
  countChars: '{{n}} characters',
  issueWhole: 'must be a whole number',
  issueNumber: 'must be a number',
  issueText: 'must be text',
  issueBoolean: 'must be true or false',
  issueList: 'must be a list',
  issueObject: 'must be an object',
  issueType: 'must be of type {{type}}',
  issueValue: 'must be {{value}}',
  issueOneOf: 'must be one of {{values}}',
  issueMultiple: 'must be a multiple of {{n}}',
  issueKeys: 'has unknown keys {{keys}}',
  issueUnion: 'is not any of the accepted forms',
  issueFormat: 'is not in the {{format}} format',
  issueOther: '{{text}}',

  // Edits.
  noSuchNode: 'There is no such node.',
  nameEmpty: 'A name cannot be empty.',
  nameTaken: 'Another node is already called "{{name}}".',
  bothEndsNodes: 'Both ends must be nodes of the design.',
  noOutputPort: '{{label}} has no output {{n}}.',
  noInputPort: '{{label}} has no input {{n}}.',
  selfCycle: 'Connecting {{label}} to itself would make a cycle.',
  wouldCycle: '{{to}} already feeds {{from}}: this connection would make a cycle.',
  inputTaken: 'Input {{n}} of {{label}} is already connected; remove that connection first.',
  stageRepeats: 'A stage has between 1 and 64 units.',
  notAStageUnit:
    '{{label}} cannot be repeated as a stage: a stage repeats a unit with a width and a stride (inverted residual, ShuffleNet unit, depthwise-separable...).',
  stageUnitNames: 'Two units of the stage have the same name.',
  stageEmpty: 'A stage needs at least one unit.',

  // Shapes.
  expectsFeatureMap: 'Expects a feature map N×C×H×W but gets {{shape}}.',
  expectsChannels: 'Expects a feature map N×C×H×W or a vector N×C but gets {{shape}}.',
  expectsVector: 'Expects a vector N×F but gets {{shape}}: add a Flatten before it.',
  kernelTooBig:
    'A {{kernel}} kernel does not fit a {{input}} input with padding {{padding}}: the output would be empty.',
  kernelTooBigNoPad: 'A {{kernel}} kernel does not fit a {{input}} input: the output would be empty.',
  filterTooBig:
    'A {{kernel}} filter does not fit a {{input}} input with padding {{padding}}: the output would be empty.',
  windowTooBig: 'A {{kernel}} window does not fit a {{input}} input.',
  poolPadding: 'Padding may be at most half the kernel size.',
  addChannels: 'Adds {{a}} channels to {{b}}: both inputs need the same channel count.',
  addShapes: 'Adds {{a}} to {{b}}: the shapes differ.',
  scaleChannels: 'Scales {{channels}} channels by {{factors}} factors: the counts must match.',
  scaleShape: "The scale must be N×C×1×1 or the input's shape, not {{shape}}.",
  concatMapAfterVector: 'Input {{n}} is a feature map; input 1 is a vector.',
  concatVectorAfterMap: 'Input {{n}} is a vector; input 1 is a feature map.',
  concatSizes: 'Input {{n}} is {{size}} but input 1 is {{first}}: concat needs equal spatial sizes.',

  // Channels and groups.
  groupsInput: 'groups = {{groups}} does not divide the {{channels}} input channels.',
  groupsOutput: 'groups = {{groups}} does not divide the {{channels}} output channels.',
  groupsChannels: 'groups = {{groups}} does not divide the {{channels}} channels.',
  splitTwoSizes: 'A split needs at least two sizes.',
  splitParts: '{{channels}} channels do not split into {{parts}} equal parts.',
  splitTotal: 'The sizes add up to {{total}}, not the {{channels}} input channels.',
  splitHalves: '{{channels}} input channels do not split into two equal halves.',
  classMergeTwice: 'Class {{cls}} is in groups {{a}} and {{b}}: each class belongs to exactly one group.',
  classMergeNone: 'Class {{cls}} is in no group: the groups must list each class from 0 to {{last}} once.',
  classMergeVector: 'Input {{n}} is {{shape}}: a class merge joins class scores, one vector per group.',
  classMergeWidth: 'Input {{n}} gives {{width}} scores, but its group lists {{classes}} classes.',

  // Blocks.
  shuffleV1Residual:
    'A stride-1 unit adds its input back, so it needs {{channels}} output channels, not {{out}}.',
  shuffleV1Concat:
    'A stride-2 unit concatenates its {{channels}} input channels, so it needs more than {{channels}} output channels.',
  shuffleV1Bottleneck: 'The bottleneck (out/4) needs at least 4 output channels.',
  shuffleV2Min: 'The unit needs at least 2 output channels.',
  shuffleV2Width:
    'A stride-1 ShuffleNetV2 unit keeps its width (Ma et al. 2018, Fig. 3c): it receives {{channels}} channels, so it must output {{channels}}, not {{out}}. Set the output channels to {{channels}}, or stride 2 to widen.',
  shuffleV2Projection:
    'The projection branch keeps all {{channels}} input channels, so the unit needs more output channels than that.',
  shiftExpansion: 'out × expansion must give at least one shifted channel.',
  basisOddKernel: "k = {{kernel}}: basis filters need an odd size to keep the map's size.",
  igcv2Branch: 'K = {{k}} channels per branch does not divide the {{channels}} channels.',
  igcv2Short:
    'Not complementary: K^(L−1) = {{k}}^{{power}} = {{reach, number}} < C = {{channels}}, so an output sees only {{reach, number}} of the {{channels}} input channels.',
  igcv2Redundant:
    'Not complementary: K^(L−1) = {{k}}^{{power}} > C = {{channels}}, so some outputs reach an input by more than one path (redundant weights).',
  opaqueOp:
    '{{op}} is an ONNX op Compact Studio does not model: it is kept as it came, its output shapes are taken from the file and its costs are not analysed (counted as 0).',

  // Kernel-level methods.
  versatileDelta:
    'δ = {{delta}} leaves no channel for the primary filters: ĉ = c − δ = {{channels}} − {{delta}} must be at least 1.',
  versatileStride:
    'The channel stride g = {{stride}} does not divide δ = {{delta}}: the secondary filters must end on the last channel.',
  versatileOutputs:
    '{{out}} output channels are not a whole number of primary filters: each gives s·n = {{s}}·{{n}} = {{per}} channels.',
  lookupDictionary:
    's = {{lookups}} lookups per position need at least {{lookups}} dictionary vectors (k = {{k}}): each lookup reads a different vector.',
  expanderFanIn: 'Fan-in D = {{fanIn}} is more than the {{channels}} input channels.',
  expanderCount: 'The graph lists {{given}} connections; {{out}} outputs × D = {{fanIn}} need {{need}}.',
  expanderChannel: 'The graph reads input channel {{channel}}; there are {{channels}}.',
  shiftMaskLength:
    'The shift mask lists {{given}} channels; the input has {{channels}}: give one offset per channel.',
  shiftMaskOffset:
    'The shift mask names offset {{offset}}; a {{kernel}}×{{kernel}} neighbourhood has offsets 0 to {{last}}.',
  flgcTooFewChannels:
    '{{groups}} groups need at least {{groups}} input channels, but there are {{count}}: lower the groups.',
  flgcTooFewFilters:
    '{{groups}} groups need at least {{groups}} filters, but there are {{count}}: lower the groups.',
  flgcChannelCount:
    'Input-channel groups lists {{given}} input channels but there are {{count}}: give each input channel its group (0 to {{last}}), or leave the list empty for a seeded random assignment.',
  flgcFilterCount:
    'Filter groups lists {{given}} filters but there are {{count}}: give each filter its group (0 to {{last}}), or leave the list empty for a seeded random assignment.',
  flgcChannelOutside:
    'Input-channel groups puts input channel {{item}} in group {{group}}, but there are only {{groups}} groups (0 to {{last}}).',
  flgcFilterOutside:
    'Filter groups puts filter {{item}} in group {{group}}, but there are only {{groups}} groups (0 to {{last}}).',
  flgcChannelEmpty:
    'Input-channel groups leaves group {{group}} without input channels: every group needs at least one input channel.',
  flgcSizes: 'G = {{groups}}: input channels {{ins}}, filters {{outs}}',
  flgcSizesSeeded:
    'G = {{groups}}: input channels {{ins}}, filters {{outs}} (empty lists: seeded random, seed {{seed}})',
  flgcFilterEmpty:
    'Filter groups leaves group {{group}} without filters: every group needs at least one filter.',

  // The few words of a node card's summary.
  sumCeil: 'ceil',
  sumLookups: '{{n}} lookups',
  sumSeeded: 'seeded',
  sumLearned: 'learned',
  sumParts: '{{n}} parts',
  sumInputs: '{{n}} inputs',
  sumClassGroups: '{{groups}} groups, {{classes}} classes',
  sumShifted: '{{share}}% of channels',
  sumSparse: 'sparse {{share}}%',
  sumBnFolded: 'BN folded',

  // The Cost panel's lessons: a block's formula against the plain way of doing its job. A title, the prose
  // around a source's reference, each line's label, a note; the formulas themselves are notation.
  teachFireTitle: 'Fire module against a 3×3 conv of the same width',
  teachFireSource: ' (strategies 1 and 2)',
  teachSqueeze1: 'Squeeze 1×1',
  teachExpand1: 'Expand 1×1',
  teachExpand3: 'Expand 3×3',
  teachFireStandard: '3×3 conv Cin→e1x1+e3x3',
  teachFireNote: 'Squeeze ratio s1x1 / (e1x1 + e3x3) = {{ratio}}; {{share}}% of the expand filters are 3×3.',
  teachLowRankTitle: 'Low-rank factorisation against a full k×k conv',
  teachLowRankSource: '; survey section on low-rank filters',
  teachFirstConv: 'First conv',
  teachSecondConv: 'Second conv',
  teachFullConv: 'Full {{k}}×{{k}} conv',
  teachSeparableTitle: 'Depthwise-separable against standard convolution',
  teachStandardConv: 'Standard conv',
  teachDepthwise: 'Depthwise',
  teachPointwise: 'Pointwise',
  teachSeparableNote: 'About {{times}}× fewer multiply-adds than a standard {{k}}×{{k}} conv.',
  teachInvertedTitle: 'Inverted residual with linear bottleneck',
  teachInvertedSource: ': h·w·d′·t·(d′ + k² + d″) at stride 1',
  teachProject1: 'Project 1×1',
  teachInvertedStandard: 'Standard {{k}}×{{k}} conv d′→d″',
  teachInvertedNote:
    'The expanded tensor (t = {{t}}: {{wide}} channels) only lives inside the block; the {{d1}}- and {{d2}}-channel bottlenecks carry the residual.',
  teachShuffleTitle: 'ShuffleNet unit against ResNet and ResNeXt bottlenecks',
  teachShuffleSource: ' (input c×h×w, bottleneck m, stride 1)',
  teachResNet: 'ResNet bottleneck',
  teachResNeXt: 'ResNeXt bottleneck',
  teachShuffleUnit: 'ShuffleNet unit',
  teachShuffleNote:
    'The measured ratio uses this unit’s own multiply-adds (at stride 2 its first 1×1 runs on the larger map).',
  teachDepthwiseTitle: 'Depthwise against standard convolution',
  teachGroupTitle: 'Group against standard convolution',
  teachThisConv: 'This conv',
  teachG1Title: 'Memory access of a 1×1 conv (guideline G1)',
  teachMac: 'MAC',
  teachLeastMac: 'Least at these multiply-adds',

  // Network-level methods refusing a design.
  nestedLastLevel: 'The last level must be the design itself (width 1).',
  nestedAtWidth: 'At width {{width}}: {{problem}}',
  nestedMissing: '{{layer}} exists at width {{width}} but not in the design: the levels are not nested.',
  nestedGroup:
    '{{layer}} is a group conv: its first channels are not a smaller one of its kind, so it cannot be nested.',
  nestedExpander:
    '{{layer}} is an expander conv: its first channels are not a smaller one of its kind, so it cannot be nested.',
  splitNoNode: 'There is no node "{{node}}" to split from.',
  rebirthNoPool: 'There is no pooling node "{{node}}" to merge.',
  rebirthNoConcat: 'There is no Concat node "{{node}}" to merge.',
  rebirthFixFirst: 'Fix the design’s errors first: a merge starts from a design that analyses.',
  rebirthNotAfterConv:
    '{{label}} does not follow a conv (through its batch norm and activation only, each read once): there is nothing to merge it into.',
  rebirthShape:
    '{{conv}} with stride {{stride}} would not give {{label}}’s output size: this pool cannot be merged into it.',
  rebirthBranches:
    'The branches joined by {{label}} are not plain convs of one geometry reading one tensor, each read only by it: they cannot become one conv.',
  rebirthConcatUnwired: 'Wire every input of {{label}} before merging its branches.',
  rebirthNotInception:
    '{{label}} does not close an inception module: the branch ending in {{branch}} is not a 1×1 conv, a larger conv after a 1×1 reduction, or a stride-1 pool then a 1×1 conv, reading the tensor the other branches read through layers each read only by the next.',
  rebirthNoLargerKernel:
    '{{label}} has no branch with a kernel larger than 1×1 for its 1×1 and pool branches to merge into.',
  rebirthNothingToFold: '{{label}} has no 1×1 or pool branch left to merge: its branches are merged already.',
  rebirthNoReduction: '{{label}} has no 1×1 reduction before a larger conv to slim.',
  rebirthSlimKeep: 'Keep a fraction of each reduction’s width above 0 and below 1, not {{keep}}.',
  rebirthSlimNarrowest:
    'The reductions of {{label}} are as narrow as keeping {{keep}} of them allows already.',
  splitGroups: 'Split into 2 to 16 groups, not {{groups}}.',
  splitNothingAfter: 'Nothing after {{label}} to split: choose an earlier node.',
  splitFixFirst: 'Fix the design first: {{problem}}',
  splitOneOutput: '{{label}} feeds the rest from more than one output; split after one output.',
  splitBeforeSplit:
    '{{from}} feeds {{to}} from before the split: SplitNet splits where the network is one path. Choose a later node.',
  splitChannels: '{{label}} writes {{channels}} channels, which do not split into {{groups}} equal groups.',
  splitField: '{{label}}: {{field}} = {{value}} does not split into {{groups}} equal groups.',
  splitClasses: '{{label}}: {{value}} classes cannot be shared among {{groups}} groups.',
  splitLevels: 'A split tree has 1 to 4 levels, not {{n}}.',
  splitLeaves: 'The tree ends in {{leaves}} groups; at most 64.',
  splitLevelOrder:
    'Level {{n}} splits after {{label}}, which is not after level {{prev}}’s {{before}}: each level of the tree splits further along the network.',
  splitLevelTwice: 'Levels {{a}} and {{b}} both split after {{label}}: give each level its own node.',
  splitAssignCount: 'The class assignment lists {{given}} groups, but the tree ends in {{leaves}}.',
  splitClassTwice:
    '{{label}}: class {{cls}} is in groups {{a}} and {{b}}; each class belongs to exactly one group.',
  splitClassNone: '{{label}}: class {{cls}} is in no group; each of its {{classes}} classes belongs to one.',
  splitClassOutside: '{{label}}: class {{cls}} is not one of its {{classes}} classes (0 to {{last}}).',
  splitGroupEmpty: '{{label}}: group {{n}} predicts no class.',
  splitAffinityNoLinear:
    'The network does not end in a linear classifier read by its output: there are no class weight rows to compare.',
  splitAffinityUntrained:
    '{{label}} carries no trained weights: train the design first, then derive the class assignment from it.',
  splitLearnOp:
    '{{label}} ({{op}}) mixes channels in a way a learned split cannot follow: it learns over plain and depthwise convs, Linear layers and layers that act on each channel alone.',
  splitLearnFlatten:
    '{{label}} reads a flattened map, not pooled channels: a learned split needs the classifier to read one feature per channel (pool first).',
  splitLearnUntrained:
    '{{label}} carries no trained weights: the split layers start from the trained network’s blocks, so train it with the split’s terms first.',
  splitNoClassifier:
    'The network ends in {{label}}, not a linear classifier: a class assignment needs a Linear layer to share out.',
  morphKeepOne: 'every channel is below the threshold; a layer keeps at least one',
  pruneNoBn: '{{bn}} is not in the design',
  pruneNoConv: '{{bn}} does not follow a conv of its own',
  pruneDepthwise: '{{layer}} is a depthwise conv: its channels follow its input',
  pruneGroup: '{{layer}} is a group conv: its channels follow its input',
  pruneShared: '{{layer}} ({{op}}) reads these channels together with others, so they cannot go alone',
  morphNoWeights: 'Shrinking reads the batch norms’ γ: the design carries no trained weights.',

  // The papers' figures beside a lesson's.
  lessonConvsOnly: ' (convs only)',
  lessonVersatileResNet:
    ', ImageNet results: Versatile-ResNet-50, every k×k conv spatial versatile (printed as 75.6 MB of float32 weights and 3.2×10⁹ FLOPs, i.e. multiply-adds)',

  // ShuffleNetV2's guidelines, checked on a design.
  hintG1:
    '1×1 conv {{layer}} maps {{c1}} → {{c2}} channels; equal widths ({{c}} → {{c}}) at the same multiply-adds would cut its memory access by {{saving, number}} ({{share}}%).',
  hintG2:
    '1×1 conv {{layer}} uses {{groups}} groups; at the same multiply-adds, fewer groups would need {{saving, number}} fewer memory accesses ({{share}}% of the layer).',
  hintG3:
    '{{block}} runs {{width}} convolution paths side by side ({{convs}} convs in all): fragmented blocks keep a GPU from running in parallel; the splits, concats and adds that join them move {{glue, number}} elements.',
  hintG4:
    'Element-wise ops (activations, adds, batch norm, scales) make up {{share}}% of all memory access ({{elements, number}} elements) while doing no multiply-adds; the deploy view folds batch norm and activations into the convolutions.',

  // Training (src/core/train).
  trainCannotForm:
    '{{layer}} ({{op}}) has no training form: an opaque imported op cannot learn; replace it with supported layers.',
  trainDesignProblem: 'The design cannot train until its problem is fixed: {{problem}}',
  trainOneInput: 'Training needs exactly one Input node; this design has {{count}}.',
  trainImageInput: 'Training needs an image Input (channels × height × width).',
  trainNotIdx: '{{name}} is not an idx file of bytes (as MNIST and Fashion-MNIST ship).',
  trainIdxShort: '{{name}} ends early: it should hold {{count, number}} values but has {{got, number}}.',
  trainLabelCount:
    'The images and labels do not match: {{images, number}} images but {{labels, number}} labels.',
  trainChannels: 'Images with {{from}} channels cannot feed an Input of {{to}} channels.',
  trainNoImages: 'The {{split}} split holds no images.',
  trainOneClass: 'Every training image is of one class ({{name}}): a classifier needs at least two.',
  trainTooManyClasses:
    "The dataset has {{classes}} classes but the design's head gives {{outputs}} outputs: resize the head to {{classes}} (--resize-head on the command line).",
  trainHeadNotResizable:
    'The head cannot be resized: the last layer before the Output is not a Linear or Conv2d node of its own.',
  trainBadRecipe: "The recipe's {{issue}} is not valid.",
  trainNaN:
    'The loss became NaN at step {{step}}: training stopped and kept the last good weights. Try a lower learning rate.',
  trainOutOfMemory:
    'Training ran out of memory at batch {{batch}} (step {{step}}): try a smaller batch, such as {{smaller}}.',
} as const satisfies Readonly<Record<string, string>>;

export type MessageKey = keyof typeof messageTemplates;
