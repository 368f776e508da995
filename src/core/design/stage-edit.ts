import { msg } from '../message';
import { isStageUnit, stageOwnSettings, unitLabel, unitParamsAt } from '../blocks/stage';
import { fail, ok, type Result } from '../diagnostics';
import { makeParams } from './builder';
import { autoLabel } from './labels';
import type { Design, DesignNode } from './design-types';

/**
 * "Repeat ×N": the unit becomes a stage of N such units, in place (same id, same wires). The unit's
 * width and stride become the stage's (the first unit strides, the rest keep the shape); its other
 * settings are shared by every unit. A stage repeated again just changes its count.
 */
export function repeatAsStage(design: Design, id: string, repeats: number): Result<Design> {
  const node = design.nodes.find((n) => n.id === id);
  if (node === undefined) return fail('danglingEdge', msg('noSuchNode'));
  if (!Number.isInteger(repeats) || repeats < 1 || repeats > 64)
    return fail('invalidParams', msg('stageRepeats'), 'repeats');
  if (node.kind === 'Stage')
    return ok({
      ...design,
      nodes: design.nodes.map((n) =>
        n.id === id ? ({ ...n, params: { ...n.params, repeats } } as DesignNode) : n,
      ),
    });
  if (!isStageUnit(node.kind)) return fail('invalidParams', msg('notAStageUnit', { label: node.label }));
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

/**
 * The design with every stage replaced by its units, wired in a chain where the stage was: for
 * writers whose output has no stages of its own (PyTorch code laid out by module names). Units are
 * named as the stage names them (torchvision's "features.4"), else `stage.i` ("stage2.0"), so the
 * code nests them as torchvision does.
 */
export function flattenStages(design: Design): Design {
  const stages = design.nodes.filter((n) => n.kind === 'Stage');
  if (stages.length === 0) return design;
  const taken = new Set(design.nodes.map((n) => n.label));
  const nodes: DesignNode[] = [];
  const first = new Map<string, string>();
  const last = new Map<string, string>();
  const chain: Design['edges'][number][] = [];
  for (const n of design.nodes) {
    if (n.kind !== 'Stage') {
      nodes.push(n);
      continue;
    }
    const p = n.params;
    let prev: string | undefined;
    for (let i = 0; i < p.repeats; i++) {
      // The id the unit's layers are keyed by inside the stage, so their keys (and seeded weights) stay.
      const id = `${n.id}/${unitLabel(p, i)}`;
      const own = p.unitLabels?.[i];
      let label = own ?? `${n.label}.${i}`;
      while (own === undefined && taken.has(label)) label = `${label}_`;
      taken.add(label);
      nodes.push({
        id,
        kind: p.unit,
        label,
        position: n.position,
        params: makeParams(p.unit, unitParamsAt(p, i) as never),
      } as DesignNode);
      if (prev !== undefined)
        chain.push({ id: `${n.id}/e${i}`, from: { node: prev, port: 0 }, to: { node: id, port: 0 } });
      else first.set(n.id, id);
      prev = id;
    }
    if (prev !== undefined) last.set(n.id, prev);
  }
  const edges = design.edges.map((e) => ({
    ...e,
    from: { ...e.from, node: last.get(e.from.node) ?? e.from.node },
    to: { ...e.to, node: first.get(e.to.node) ?? e.to.node },
  }));
  return { ...design, nodes, edges: [...edges, ...chain] };
}
