import type { Analysis, LayerInfo } from './analysis-types';
import type { Lesson } from './teaching/lesson';
import { fire } from './teaching/fire-teaching';
import { lowRank } from './teaching/low-rank';
import { depthwiseSeparable, invertedResidual } from './teaching/mobilenet';
import { shuffleV1 } from './teaching/shufflenet-teaching';
import { singleConv } from './teaching/single-conv';

export type { Lesson, LessonLine } from './teaching/lesson';

/** The lesson for a top-level node, or for one primitive layer ("n5/n2"), if its kind has one. */
export function lessonFor(analysis: Analysis, id: string): Lesson | undefined {
  const layer = analysis.layers.find((l) => l.id === id);
  if (layer !== undefined && (id.includes('/') || layer.block === undefined)) return singleConv(layer);
  const info = analysis.nodes.get(id);
  const node = analysis.design.nodes.find((n) => n.id === id);
  if (info === undefined || node === undefined) return undefined;
  const layers = analysis.layers.slice(info.layers[0], info.layers[1]);
  if (node.kind === 'Stage') {
    // A stage teaches what its last unit does: stride 1, the shape kept, the paper's own form.
    const last = `${id}/n${node.params.repeats}/`;
    return unitLesson(
      node.params.unit,
      { ...node.params.unitParams },
      layers.filter((l) => l.id.startsWith(last)),
    );
  }
  return unitLesson(node.kind, node.params, layers);
}

function unitLesson(
  kind: string,
  params: Readonly<Record<string, unknown>>,
  layers: readonly LayerInfo[],
): Lesson | undefined {
  switch (kind) {
    case 'DepthwiseSeparable':
      return depthwiseSeparable(layers);
    case 'InvertedResidual':
      return invertedResidual(layers);
    case 'Fire':
      return fire(layers);
    case 'ShuffleUnitV1':
      return shuffleV1(layers);
    case 'LowRankConv':
      return (params.mode ?? 'separable') === 'separable' ? lowRank(layers) : undefined;
    default:
      return undefined;
  }
}
