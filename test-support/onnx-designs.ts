import { GraphBuilder } from '../src/core/design/builder';
import type { Design } from '../src/core/design/design-types';

/** Every primitive op in several settings, in one network: the export's coverage design. */
export function opZoo(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 33, width: 31 }, [], 'input');
  const c1 = g.add(
    'Conv2d',
    { outChannels: 24, kernel: [3, 3], stride: [2, 2], padding: [1, 1] },
    [x],
    'stem',
  );
  const b1 = g.add('BatchNorm', {}, [c1], 'stem_bn');
  const a1 = g.add('ReLU6', {}, [b1], 'stem_act');
  const dw = g.add(
    'Conv2d',
    { outChannels: 24, groups: 24, kernel: [3, 3], dilation: [2, 2], padding: [2, 2] },
    [a1],
    'dw',
  );
  const hs = g.add('HardSwish', {}, [dw], 'hswish');
  const gc = g.add(
    'Conv2d',
    { outChannels: 24, groups: 3, kernel: [1, 1], padding: [0, 0], bias: true },
    [hs],
    'gconv',
  );
  const sh = g.add('ChannelShuffle', { groups: 3 }, [gc], 'shuffle');
  const [s1, s2] = g.addNode('ChannelSplit', { parts: 2 }, [sh], 'split');
  if (s1 === undefined || s2 === undefined) throw new Error('split');
  const r = g.add('ReLU', {}, [s2], 'split_relu');
  const shift = g.add('Shift', { kernel: 3 }, [r], 'shift');
  const shift5 = g.add('Shift', { kernel: 3, dilation: 2 }, [shift], 'shift_dilated');
  const ssl = g.add('SparseShift', { fraction: 0.75 }, [shift5], 'sparse_shift');
  const cat = g.add('Concat', { inputs: 2 }, [s1, ssl], 'concat');
  const add = g.add('Add', {}, [cat, sh], 'residual');
  const pool = g.add('GlobalAvgPool', {}, [add], 'se_pool');
  const fc1 = g.add(
    'Conv2d',
    { outChannels: 8, kernel: [1, 1], padding: [0, 0], bias: true },
    [pool],
    'se_fc1',
  );
  const act = g.add('Sigmoid', {}, [fc1], 'se_sigmoid');
  const fc2 = g.add(
    'Conv2d',
    { outChannels: 24, kernel: [1, 1], padding: [0, 0], bias: true },
    [act],
    'se_fc2',
  );
  const gate = g.add('HardSigmoid', {}, [fc2], 'se_gate');
  const se = g.add('Multiply', {}, [add, gate], 'se_scale');
  const [p1, p2] = g.addNode('ChannelSplit', { sizes: [10, 14] }, [se], 'uneven_split');
  if (p1 === undefined || p2 === undefined) throw new Error('split');
  const mp = g.add(
    'MaxPool',
    { kernel: [3, 3], stride: [2, 2], padding: [1, 1], ceilMode: true },
    [p1],
    'maxpool',
  );
  const ap = g.add(
    'AvgPool',
    { kernel: [3, 3], stride: [2, 2], padding: [1, 1], ceilMode: true, countIncludePad: false },
    [p2],
    'avgpool',
  );
  const ap2 = g.add(
    'AvgPool',
    { kernel: [2, 2], stride: [2, 2], padding: [0, 0], ceilMode: true },
    [p2],
    'avgpool_ceil',
  );
  const cat2 = g.add('Concat', { inputs: 2 }, [mp, ap], 'concat2');
  const pw = g.add('Conv2d', { outChannels: 16, kernel: [1, 3], padding: [0, 1] }, [cat2], 'asym');
  const gap = g.add('GlobalAvgPool', {}, [pw], 'gap');
  const flat = g.add('Flatten', {}, [gap], 'flatten');
  const drop = g.add('Dropout', { p: 0.2 }, [flat], 'dropout');
  const fc = g.add('Linear', { outFeatures: 10 }, [drop], 'classifier');
  const sm = g.add('Softmax', {}, [fc], 'softmax');
  g.output(sm, 'probs');
  g.output(ap2, 'side');
  return g.design('op zoo');
}

/** A small SqueezeNet-like net made of Fire blocks (the one block that exists from the start). */
export function fireNet(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 64, width: 64 }, [], 'input');
  const c = g.add('Conv2d', { outChannels: 32, kernel: [3, 3], stride: [2, 2], bias: true }, [x], 'conv1');
  const r = g.add('ReLU', {}, [c], 'relu1');
  const p = g.add(
    'MaxPool',
    { kernel: [3, 3], stride: [2, 2], padding: [0, 0], ceilMode: true },
    [r],
    'pool1',
  );
  const f1 = g.add('Fire', { squeeze: 8, expand1x1: 32, expand3x3: 32 }, [p], 'fire2');
  const f2 = g.add('Fire', { squeeze: 8, expand1x1: 32, expand3x3: 32 }, [f1], 'fire3');
  const head = g.add(
    'Conv2d',
    { outChannels: 10, kernel: [1, 1], padding: [0, 0], bias: true },
    [f2],
    'classifier',
  );
  const hr = g.add('ReLU', {}, [head], 'classifier_relu');
  const gap = g.add('GlobalAvgPool', {}, [hr], 'gap');
  const flat = g.add('Flatten', {}, [gap], 'flatten');
  g.output(flat, 'logits');
  return g.design('fire net');
}

/** Every block kind in the settings that change its layout (folded BN, SE, strides, modes). */
export function blockZoo(): Design {
  const g = new GraphBuilder();
  let x = g.add('Input', { channels: 3, height: 64, width: 64 }, [], 'input');
  x = g.add('Conv2d', { outChannels: 16, kernel: [3, 3] }, [x], 'stem');
  x = g.add('BatchNorm', {}, [x], 'stem_bn');
  x = g.add('ReLU', {}, [x], 'stem_relu');
  x = g.add('DepthwiseSeparable', { outChannels: 32, stride: 2, kernel: 5, batchNorm: false }, [x], 'ds');
  x = g.add(
    'InvertedResidual',
    {
      outChannels: 32,
      expandedChannels: 48,
      kernel: 5,
      activation: 'hardswish',
      squeezeExcite: true,
      bnEpsilon: 0.001,
    },
    [x],
    'ir_se',
  );
  x = g.add(
    'InvertedResidual',
    { outChannels: 24, expansion: 1, stride: 2, activation: 'relu' },
    [x],
    'ir_t1',
  );
  x = g.add('InvertedResidual', { outChannels: 24, expansion: 2.5, batchNorm: false }, [x], 'ir_t2_5');
  x = g.add('SqueezeExcite', { gate: 'sigmoid', divisor: 1 }, [x], 'se');
  x = g.add('ShuffleUnitV1', { outChannels: 24, groups: 3 }, [x], 'shuffle_v1');
  x = g.add(
    'ShuffleUnitV1',
    { outChannels: 48, groups: 1, stride: 2, groupFirst: false },
    [x],
    'shuffle_v1_s2',
  );
  x = g.add('ShuffleUnitV2', { outChannels: 48 }, [x], 'shuffle_v2');
  x = g.add('ShuffleUnitV2', { outChannels: 96, stride: 2, batchNorm: false }, [x], 'shuffle_v2_s2');
  x = g.add('InterleavedGroupConv', { outChannels: 64, primaryGroups: 2, secondaryGroups: 32 }, [x], 'igc');
  x = g.add('ShiftBlock', { outChannels: 64 }, [x], 'shift_block');
  x = g.add('ShiftBlock', { outChannels: 32, expansion: 2, stride: 2 }, [x], 'shift_block_s2');
  x = g.add('LowRankConv', { outChannels: 32, rank: 8 }, [x], 'low_rank');
  x = g.add('LowRankConv', { mode: 'basis', outChannels: 40, kernel: 5, rank: 6, stride: 2 }, [x], 'basis');
  x = g.add('GlobalAvgPool', {}, [x], 'pool');
  x = g.add('Flatten', {}, [x], 'flatten');
  g.output(g.add('Linear', { outFeatures: 10 }, [x], 'fc'), 'logits');
  return g.design('block zoo');
}
