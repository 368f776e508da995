import { diagnostic } from '../diagnostics';
import type { Design } from '../graph/types';
import { activationMemory } from './activations';
import { sumCosts } from './cost-sum';
import { runGraph } from './run-graph';
import { Run } from './run-state';
import type { Analysis } from './types';

/** Shapes, costs, diagnostics and activation memory of a design: a pure function of it. */
export function analyze(design: Design): Analysis {
  const run = new Run();
  const { order } = runGraph(run, design.nodes, design.edges, new Map(), {
    idPrefix: '',
    namePrefix: '',
    owner: undefined,
  });
  if (!design.nodes.some((n) => n.kind === 'Input'))
    run.diagnostics.push(
      diagnostic('noInput', 'The design has no Input node: add one from the palette.', {}, 'warning'),
    );
  if (!design.nodes.some((n) => n.kind === 'Output'))
    run.diagnostics.push(
      diagnostic('noOutput', 'The design has no Output node: mark the result with one.', {}, 'warning'),
    );
  return {
    design,
    order,
    nodes: run.nodes,
    layers: run.layers,
    diagnostics: run.diagnostics,
    totals: sumCosts(run.layers.map((l) => l.cost)),
    activations: activationMemory(run.layers, run.tensorSizes),
  };
}
