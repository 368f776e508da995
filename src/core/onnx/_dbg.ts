import { findPreset } from '../presets/registry';
import { exportDesign } from './export/export';
import { importModel } from './import/import';
import { pb } from './proto';
const d = findPreset('shufflenet_v2_x0_5')!.build();
const e = exportDesign(d); if (!e.ok) throw 1;
const i = importModel(e.bytes); if (!i.ok) throw i.error;
const e2 = exportDesign(i.design); if (!e2.ok) throw 1;
const i2 = importModel(e2.bytes); if (!i2.ok) throw 1;
const e3 = exportDesign(i2.design); if (!e3.ok) throw 1;
const m2 = pb.ModelProto.decode(e2.bytes), m3 = pb.ModelProto.decode(e3.bytes);
const s = (m: typeof m2) => m.graph!.node.map(n => `${n.name}|${n.opType}|${n.input.join(',')}|${n.output.join(',')}`);
const a = s(m2), b = s(m3);
for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) { console.log(a[k], '\n', b[k]); break; }
console.log(a.length, b.length, i.notes.slice(0,3), i2.notes.slice(0,3));
