import { analyze } from '../src/core/analysis/analyze';
import { GraphBuilder } from '../src/core/design/builder';
import type { Design } from '../src/core/design/design-types';
import { presets } from '../src/core/presets/preset-registry';
import { updateParams } from '../src/core/design/edit';
import { ms, printTable, time, type Timing } from './measure';

/** A synthetic network of about `ops` primitives: conv-BN-ReLU units with a residual add every 2 units. */
export function syntheticDesign(ops: number): Design {
  const g = new GraphBuilder();
  let x = g.add('Input', { channels: 16, height: 32, width: 32 }, []);
  let skip = x;
  let count = 1;
  for (let unit = 0; count < ops - 1; unit++) {
    const c = g.add('Conv2d', { outChannels: 16, groups: unit % 3 === 0 ? 16 : 1 }, [x]);
    const b = g.add('BatchNorm', {}, [c]);
    x = g.add('ReLU', {}, [b]);
    count += 3;
    if (unit % 2 === 1) {
      x = g.add('Add', {}, [x, skip]);
      skip = x;
      count += 1;
    }
  }
  g.output(x);
  return g.design(`synthetic ${ops}`);
}

/** Median time of analysing fresh copies (nothing cached) and of re-analysing after one edit. */
function coldAndEdited(design: Design, runs: number): { cold: Timing; edited: Timing; layers: number } {
  const copies = Array.from({ length: runs + 3 }, () => structuredClone(design));
  let i = 0;
  const cold = time(() => analyze(copies[i++ % copies.length] as Design), { runs, warmup: 0 });
  // An edit replaces one node's params object; every other node keeps its objects (as the store does),
  // so memoised parsing and block expansion are reused.
  analyze(design);
  const target =
    design.nodes.find((n) => n.kind === 'Conv2d' || n.kind === 'InvertedResidual') ?? design.nodes[0];
  const edited = time(() => analyze(target === undefined ? design : updateParams(design, target.id, {})), {
    runs,
  });
  return { cold, edited, layers: analyze(design).layers.length };
}

export function benchAnalysis(): void {
  const rows: string[][] = [];
  const add = (name: string, design: Design, runs: number): void => {
    const { cold, edited, layers } = coldAndEdited(design, runs);
    rows.push([
      name,
      String(layers),
      ms(cold.median),
      `${ms(cold.p10)}–${ms(cold.p90)}`,
      ms(edited.median),
      ((cold.median * 1000) / layers).toFixed(2),
    ]);
  };
  for (const p of presets) add(p.name, p.build(), 40);
  for (const n of [1000, 2500, 5000, 10000]) add(`synthetic ${n}`, syntheticDesign(n), n >= 5000 ? 15 : 30);
  printTable(
    'Full analysis (shapes, costs, diagnostics, peak memory) in Node: median ms',
    ['design', 'primitive ops', 'cold', 'cold p10–p90', 'after one edit', 'µs per op (cold)'],
    rows,
  );
}
