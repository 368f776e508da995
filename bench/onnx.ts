import { analyze } from '../src/core/analysis/analyze';
import type { Design } from '../src/core/design/design-types';
import { exportDesign } from '../src/core/onnx/export/onnx-export';
import { importModel } from '../src/core/onnx/import/import';
import { presets } from '../src/core/presets/preset-registry';
import { ms, printTable, time } from './measure';

/**
 * `npm run bench -- onnx`: export time of every preset (analysis, seeded He init, protobuf
 * encoding), and import time (decode, mapping, block recognition, weights kept) of the largest.
 * Target: under 300 ms for a 3.5M-param design.
 */
export function benchOnnx(): void {
  const rows: string[][] = [];
  let largest: { name: string; design: Design; params: number } | undefined;
  for (const p of presets) {
    const design = p.build();
    const params = analyze(design).totals.params;
    const r = exportDesign(design);
    if (!r.ok) throw new Error(`${p.name}: ${r.errors.join('; ')}`);
    const t = time(() => exportDesign(design), { runs: 15, warmup: 2, budgetMs: 4000 });
    rows.push([
      p.name,
      `${(params / 1e6).toFixed(2)}M`,
      `${(r.bytes.length / 2 ** 20).toFixed(1)} MiB`,
      ms(t.median),
      ms(t.p90),
    ]);
    if (largest === undefined || params > largest.params) largest = { name: p.name, design, params };
  }
  printTable(
    'ONNX export, per preset (opset 17, BN kept)',
    ['preset', 'params', 'file', 'median', 'p90'],
    rows,
  );
  if (largest === undefined) return;
  const bytes = exportDesign(largest.design);
  if (!bytes.ok) return;
  const importRows: string[][] = [];
  for (const blocks of [true, false]) {
    const t = time(() => importModel(bytes.bytes, { blocks }), { runs: 10, warmup: 2, budgetMs: 8000 });
    importRows.push([
      `${largest.name}${blocks ? '' : ' (no block recognition)'}`,
      `${(largest.params / 1e6).toFixed(2)}M`,
      ms(t.median),
      ms(t.p90),
    ]);
  }
  const mv2 = presets.find((p) => p.name === 'mobilenet_v2');
  const mv2Bytes = mv2 === undefined ? undefined : exportDesign(mv2.build());
  if (mv2Bytes?.ok === true) {
    const t = time(() => importModel(mv2Bytes.bytes), { runs: 10, warmup: 2, budgetMs: 8000 });
    importRows.push(['mobilenet_v2 (the 3.5M-param target)', '3.50M', ms(t.median), ms(t.p90)]);
  }
  printTable(
    'ONNX import (decode, map, blocks, weights kept)',
    ['model', 'params', 'median', 'p90'],
    importRows,
  );
}
