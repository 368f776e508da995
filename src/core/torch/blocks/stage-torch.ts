import type { BlockParams } from '../../kind-types';
import { blockDefOf } from '../../kind-table';
import { unitLabel, unitParamsAt } from '../../blocks/stage-units';
import type { Shape } from '../../shape';
import type { BlockTorch } from '../torch-types';

type StageParams = BlockParams<'Stage'>;

const unitForm = (p: StageParams): BlockTorch<object> => blockDefOf(p.unit).pytorch;
/** Unit i's settings with the unit's defaults filled in, as its constructor call reads them. */
const unitAt = (p: StageParams, i: number): object => blockDefOf(p.unit).schema.parse(unitParamsAt(p, i));

/** Unit i's input as its class sees it: only the width matters, the first unit's, then the stage's. */
function unitInput(p: StageParams, inputs: readonly Shape[], i: number): Shape {
  const [n = 1, c = 0, h = 0, w = 0] = inputs[0] ?? [];
  return [n, i === 0 ? c : p.outChannels, h, w];
}

/**
 * A stage is an nn.Sequential of its units, as torchvision writes ShuffleNetV2's stage2..4: no class
 * of its own, the unit's class does the work (so the export writes that class).
 */
export const stageTorch: BlockTorch<StageParams> = {
  className: 'Stage',
  source: '',
  helpers: [],
  uses: (p) => [p.unit],
  construct: (p, inputs) => {
    const units = Array.from({ length: p.repeats }, (_, i) =>
      unitForm(p).construct(unitAt(p, i), [unitInput(p, inputs, i)]),
    );
    return `nn.Sequential(\n${units.map((u) => `    ${u},`).join('\n')}\n)`;
  },
  // "features.4/expand" (unit name / primitive) → "1.expand.0": the unit's index, then its own path.
  modulePath: (inner, p, inputs) => {
    const cut = inner.indexOf('/');
    const name = inner.slice(0, cut);
    const index = Array.from({ length: p.repeats }, (_, i) => unitLabel(p, i)).indexOf(name);
    const own = unitForm(p).modulePath(inner.slice(cut + 1), unitAt(p, index), [unitInput(p, inputs, index)]);
    return `${index}.${own}`;
  },
};
