import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { importModel } from '/work/wt/imp/src/core/onnx/import/import';
import { analyze } from '/work/wt/imp/src/core/analysis/analyze';
for (const f of process.argv.slice(2)) {
  const t0 = performance.now();
  const r = importModel(new Uint8Array(gunzipSync(readFileSync(f))));
  const t1 = performance.now();
  if (!r.ok) { console.log(f, r.error); continue; }
  const a = analyze(r.design);
  const kinds: Record<string, number> = {};
  for (const n of r.design.nodes) kinds[n.kind] = (kinds[n.kind] ?? 0) + 1;
  console.log(f, r.design.name, (t1 - t0).toFixed(0) + 'ms', r.design.nodes.length, JSON.stringify(kinds), a.totals.params, a.totals.multiplyAdds);
  console.log(r.design.nodes.slice(0, 40).map((n) => n.label).join(' '));
}
