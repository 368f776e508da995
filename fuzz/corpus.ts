import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { serializeDesign } from '../src/core/document/format';
import type { Design } from '../src/core/design/design-types';
import { fireNet, opZoo } from '../test-support/onnx-designs';
import { exportDesign } from '../src/core/onnx/export/onnx-export';
import { presets } from '../src/core/presets/preset-registry';
import { shareHash } from '../src/state/share';

export interface Corpus {
  /** Exported designs and files written by torch.onnx.export. */
  readonly onnx: readonly Uint8Array[];
  readonly designs: readonly string[];
  readonly links: readonly string[];
}

const root = join(import.meta.dirname, '..');

/** The seeds every mutation starts from: small real files, documents and links of this project. */
export function loadCorpus(): Corpus {
  const designs: Design[] = [fireNet(), opZoo()];
  for (const p of presets) {
    try {
      designs.push(p.build({ width: 0.25, resolution: 64 }));
    } catch {
      // A preset that does not take these options is left out of the corpus.
    }
  }
  const onnx: Uint8Array[] = [];
  for (const d of designs) {
    const r = exportDesign(d, { seed: 1 });
    if (r.ok) onnx.push(new Uint8Array(r.bytes));
  }
  const dir = join(root, 'fixtures/torch');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.onnx.gz')))
    onnx.push(new Uint8Array(gunzipSync(readFileSync(join(dir, f)))));
  return { onnx, designs: designs.map(serializeDesign), links: designs.map(shareHash) };
}
