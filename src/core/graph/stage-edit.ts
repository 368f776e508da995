import { isStageUnit, stageOwnSettings } from '../blocks/stage';
import { fail, ok, type Result } from '../diagnostics';
import { makeParams } from './builder';
import { autoLabel } from './labels';
import type { Design, DesignNode } from './types';

/**
 * "Repeat ×N": the unit becomes a stage of N such units, in place (same id, same wires). The unit's
 * width and stride become the stage's (the first unit strides, the rest keep the shape); its other
 * settings are shared by every unit. A stage repeated again just changes its count.
 */
export function repeatAsStage(design: Design, id: string, repeats: number): Result<Design> {
  const node = design.nodes.find((n) => n.id === id);
  if (node === undefined) return fail('danglingEdge', 'There is no such node.');
  if (!Number.isInteger(repeats) || repeats < 1 || repeats > 64)
    return fail('invalidParams', 'A stage has between 1 and 64 units.', 'repeats');
  if (node.kind === 'Stage')
    return ok({
      ...design,
      nodes: design.nodes.map((n) =>
        n.id === id ? ({ ...n, params: { ...n.params, repeats } } as DesignNode) : n,
      ),
    });
  if (!isStageUnit(node.kind))
    return fail(
      'invalidParams',
      `${node.label} cannot be repeated as a stage: a stage repeats a unit with a width and a stride (inverted residual, ShuffleNet unit, depthwise-separable...).`,
    );
  const { outChannels, stride, ...rest } = node.params as Readonly<Record<string, unknown>>;
  const shared = Object.fromEntries(
    Object.entries(rest).filter(([k]) => !(stageOwnSettings as readonly string[]).includes(k)),
  );
  const params = makeParams('Stage', {
    unit: node.kind,
    repeats,
    outChannels: outChannels as number,
    stride: stride as number,
    unitParams: shared,
  });
  const label = autoLabel(design, 'Stage');
  return ok({
    ...design,
    nodes: design.nodes.map((n) =>
      n.id === id ? ({ ...n, kind: 'Stage', label, params } as DesignNode) : n,
    ),
  });
}
