import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import type { Design } from '../design/design-types';
import { examples } from '../examples/example-registry';
import { presets } from '../presets/preset-registry';
import { fireNet, opZoo } from '../../../test-support/onnx-designs';
import { checkOnnxFiles, type CheckerVerdict } from '../../../test-support/onnx-checker';
import { conformanceDesigns } from '../../../test-support/conformance-designs';
import { exportDesign, type ExportOptions } from './export/onnx-export';

/**
 * The official ONNX checker (Debian's python3-onnx 1.12, which knows opsets up to 17) on every
 * preset's, worked example's and conformance design's export, the op zoo and the fire net, at opsets 13 and 17: check_model with
 * full_check=True, then strict, type-checked shape inference, whose output shapes must be the
 * design's. Each design is exported once per opset into a temp dir; one Python process checks all.
 */
const designs: readonly (readonly [string, () => Design, ExportOptions])[] = [
  ['op zoo', opZoo, {}],
  ['op zoo, shifts as Pad + Slice', opZoo, { shift: 'slice' }],
  ['op zoo, batch norm folded', opZoo, { foldBatchNorm: true }],
  ['fire net', fireNet, {}],
  ...presets.map((p) => [`preset ${p.name}`, () => p.build(), {}] as const),
  ...examples.map((e) => [`example ${e.name}`, () => e.build(), {}] as const),
  ...conformanceDesigns().map((c) => [`conformance ${c.name}`, () => c.design, c.options] as const),
];
const opsets = [13, 17];

interface Case {
  readonly name: string;
  readonly file: string;
  readonly outputs: readonly (readonly number[])[];
}

let dir = '';
const cases: Case[] = designs.flatMap(([name], i) =>
  opsets.map((opset) => ({ name: `${name}, opset ${opset}`, file: `${i}.op${opset}.onnx`, outputs: [] })),
);
let verdicts: ReadonlyMap<string, CheckerVerdict> = new Map();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'onnx-checker-'));
  designs.forEach(([name, build, options], i) => {
    const design = build();
    const outputs = analyze(design)
      .layers.filter((l) => l.op === 'Output')
      .map((l) => l.inputShapes[0] ?? []);
    for (const opset of opsets) {
      const r = exportDesign(design, { ...options, opset });
      if (!r.ok) throw new Error(`${name} does not export at opset ${opset}: ${r.errors.join('; ')}`);
      const file = `${i}.op${opset}.onnx`;
      writeFileSync(join(dir, file), r.bytes);
      const c = cases.find((x) => x.file === file);
      if (c !== undefined) Object.assign(c, { outputs });
    }
  });
  verdicts = checkOnnxFiles(cases.map((c) => join(dir, c.file))).files;
}, 300_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('the official ONNX checker and strict shape inference', () => {
  it.each(cases)('$name passes, with the design’s output shapes', (c) => {
    const v = verdicts.get(join(dir, c.file));
    expect(v, 'the checker gave no verdict').toBeDefined();
    expect(v?.error).toBeNull();
    expect(c.outputs.length).toBeGreaterThan(0);
    expect(v?.outputs).toEqual(c.outputs);
  });
});
