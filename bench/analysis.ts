import { analyze } from '../src/core/analysis/analyze';
import { GraphBuilder } from '../src/core/graph/builder';
import type { Design } from '../src/core/graph/types';
import { presets } from '../src/core/presets/registry';
import { ms, printTable, time } from './measure';

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

export function benchAnalysis(): void {
  const rows: string[][] = [];
  for (const p of presets) {
    const design = p.build();
    const t = time(() => analyze(design), { runs: 50 });
    rows.push([p.name, String(analyze(design).layers.length), ms(t.median), `${ms(t.p10)}–${ms(t.p90)}`]);
  }
  for (const n of [1000, 2500, 5000, 10000]) {
    const design = syntheticDesign(n);
    const t = time(() => analyze(design), { runs: n >= 5000 ? 15 : 30 });
    const layers = analyze(design).layers.length;
    rows.push([
      `synthetic ${n}`,
      String(layers),
      ms(t.median),
      `${ms(t.p10)}–${ms(t.p90)}`,
      ((t.median * 1000) / layers).toFixed(2),
    ]);
  }
  printTable(
    'Full analysis (shapes, costs, peak memory), Node, median of repeated runs',
    ['design', 'primitive ops', 'median ms', 'p10–p90 ms', 'µs per op'],
    rows.map((r) => (r.length === 4 ? [...r, ''] : r)),
  );
}
