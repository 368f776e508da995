// The analysis reads the kind table: importing it installs the table.
import '../kinds';
import { msg } from '../message';
import { diagnostic } from '../diagnostics';
import { limits, overLimit } from '../limits';
import type { Design } from '../design/design-types';
import { activationMemory } from './activations';
import { sumCosts } from './cost-sum';
import { analyzeGraph } from './pass-graph';
import { AnalysisPass } from './pass-state';
import { deadEndDiagnostics, deadEnds } from './dead-ends';
import type { Analysis } from './analysis-types';

/** Shapes, costs, diagnostics and activation memory of a design: a pure function of it. */
export function analyze(design: Design): Analysis {
  const pass = new AnalysisPass();
  const { order } = analyzeGraph(pass, design.nodes, design.edges, new Map(), {
    idPrefix: '',
    namePrefix: '',
    keyPrefix: '',
    owner: undefined,
  });
  if (!design.nodes.some((n) => n.kind === 'Input'))
    pass.diagnostics.push(diagnostic('noInput', msg('noInputNode'), {}, 'warning'));
  if (!design.nodes.some((n) => n.kind === 'Output'))
    pass.diagnostics.push(diagnostic('noOutput', msg('noOutputNode'), {}, 'warning'));
  const totals = sumCosts(pass.layers.map((l) => l.cost));
  const weightBytes = 4 * (totals.params + totals.buffers);
  if (weightBytes > limits.maxWeightBytes)
    pass.diagnostics.push(
      diagnostic(
        'overLimit',
        `The weights take ${weightBytes.toLocaleString('en-US')} bytes as float32, ${overLimit('maxWeightBytes')}.`,
      ),
    );
  const dead = deadEnds(design);
  for (const d of deadEndDiagnostics(design, dead, pass.nodes)) {
    pass.diagnostics.push(d);
    const info = d.nodeId === undefined ? undefined : pass.nodes.get(d.nodeId);
    if (info !== undefined) pass.nodes.set(info.nodeId, { ...info, diagnostics: [...info.diagnostics, d] });
  }
  return {
    design,
    deadEnds: dead,
    order,
    nodes: pass.nodes,
    layers: pass.layers,
    diagnostics: pass.diagnostics,
    totals,
    activations: activationMemory(pass.layers, pass.tensorSizes),
  };
}
