import { GraphBuilder } from '../design/builder';
import type { Design, PortRef } from '../design/design-types';
import { sideDesigns } from './live';

/** Fashion-MNIST's images: one grey channel, 28×28, ten classes. */
const IMAGE = { channels: 1, height: 28, width: 28 } as const;
const CLASSES = 10;

/** The lessons whose claim is about accuracy: they gain a "train both" task. */
export const trainBothLessons = ['fire', 'depthwise-separable', 'shufflenet', 'morphnet'] as const;
export type TrainBothLesson = (typeof trainBothLessons)[number];

export const hasTrainBoth = (id: string): id is TrainBothLesson =>
  (trainBothLessons as readonly string[]).includes(id);

/**
 * One side of a side-by-side example made trainable on Fashion-MNIST, the side's nodes kept as they
 * are (same kinds, same settings, same ids): a shared stem brings the 28×28 grey image to the
 * side's input width at 7×7 (3×3 conv, stride 2, batch norm, ReLU, 2×2 max pool), and a shared head
 * classifies what the side produces (global average pool, a Linear layer to ten classes).
 */
function trainable(side: Design, name: string): Design | undefined {
  const input = side.nodes.find((n) => n.kind === 'Input');
  const output = side.nodes.find((n) => n.kind === 'Output');
  if (input?.kind !== 'Input' || output === undefined) return undefined;
  const g = new GraphBuilder('t');
  const image = g.add('Input', IMAGE, [], 'image');
  const conv = g.add(
    'Conv2d',
    { outChannels: input.params.channels, kernel: [3, 3], stride: [2, 2], padding: [1, 1] },
    [image],
    'stem',
  );
  const relu = g.add('ReLU', {}, [g.add('BatchNorm', {}, [conv], 'stem_bn')], 'stem_relu');
  const stem = g.add('MaxPool', { kernel: [2, 2], stride: [2, 2], padding: [0, 0] }, [relu], 'stem_pool');
  const into = (from: PortRef): PortRef => (from.node === input.id ? stem : from);
  const body = side.nodes.filter((n) => n.id !== input.id && n.id !== output.id);
  const head = g.design(name);
  const fed = side.edges.find((e) => e.to.node === output.id)?.from;
  if (fed === undefined) return undefined;
  const g2 = new GraphBuilder('h');
  const pool = g2.add('GlobalAvgPool', {}, [into(fed)], 'head_pool');
  const fc = g2.add(
    'Linear',
    { outFeatures: CLASSES },
    [g2.add('Flatten', {}, [pool], 'head_flatten')],
    'head_fc',
  );
  g2.output(fc, 'output');
  const tail = g2.design(name);
  return {
    name,
    nodes: [...head.nodes, ...body, ...tail.nodes],
    edges: [
      ...head.edges,
      ...side.edges.filter((e) => e.to.node !== output.id).map((e) => ({ ...e, from: into(e.from) })),
      ...tail.edges,
    ],
  };
}

/**
 * The two designs a lesson's "train both" task trains, from the design on the canvas (the lesson's
 * example at its knob's value): for a side-by-side example each side between the same stem and
 * head; for MorphNet the small CNN at width 1 and at the multiplier chosen, taking Fashion-MNIST's
 * images as they are (grey repeated to three channels, resized to 32×32). Undefined when the design
 * is not the lesson's.
 */
export function trainPair(
  lesson: TrainBothLesson,
  design: Design,
  widthOne: () => Design,
): { baseline: Design; method: Design } | undefined {
  if (lesson === 'morphnet')
    return { baseline: { ...widthOne(), name: `${design.name} (1×)` }, method: design };
  const sides = sideDesigns(design);
  if (sides === undefined) return undefined;
  const baseline = trainable(sides.baseline, `${design.name}: baseline`);
  const method = trainable(sides.method, `${design.name}: method`);
  return baseline === undefined || method === undefined ? undefined : { baseline, method };
}
