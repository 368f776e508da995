import type { BlockParams } from '../kind-types';

/*
 * Which unit of a stage is which: its params and its name. Shared by the stage's expansion
 * (stage.ts) and its PyTorch form (torch/blocks/stage-torch.ts), which therefore need not import each other.
 */

type StageParams = BlockParams<'Stage'>;

/** The params of unit `i` of a stage: shared settings, then the width and this unit's stride. */
export function unitParamsAt(p: StageParams, i: number): Readonly<Record<string, unknown>> {
  return {
    ...p.unitParams,
    ...(i === 0 ? p.firstParams : {}),
    outChannels: p.outChannels,
    stride: i === 0 ? p.stride : 1,
  };
}

export const unitLabel = (p: StageParams, i: number): string => p.unitLabels?.[i] ?? String(i);
