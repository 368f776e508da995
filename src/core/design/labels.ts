import type { Design } from './design-types';

/** Kinds whose name does not split into words by its capitals. */
const spelled: Readonly<Record<string, string>> = {
  ReLU: 'relu',
  ReLU6: 'relu6',
  Conv2d: 'conv',
  ShuffleUnitV1: 'shuffle_v1',
  ShuffleUnitV2: 'shuffle_v2',
  GlobalAvgPool: 'global_pool',
  FullyLearnableGroupConv: 'flgc',
};

/** The name a kind's nodes are called by: "InvertedResidual" → "inverted_residual". */
export function baseName(kind: string): string {
  return spelled[kind] ?? kind.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * A node name that reads as a name, not a version: the n-th conv of a design is `conv_n`, the third
 * ShuffleNetV2 unit `shuffle_v2_3`. Skips numbers already taken.
 */
export function autoLabel(design: Design, kind: string): string {
  const base = baseName(kind);
  const taken = new Set(design.nodes.map((n) => n.label));
  let i = design.nodes.filter((n) => n.kind === kind).length + 1;
  while (taken.has(`${base}_${i}`)) i++;
  return `${base}_${i}`;
}
