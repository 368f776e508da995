import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import { describe, expect, it } from 'vitest';

/**
 * The import rules `npm run lint` checks (.dependency-cruiser.cjs), run on a few files written for
 * the test: a circle made of type imports alone fails them as a circle at run time does.
 */
const root = new URL('..', import.meta.url).pathname;

async function brokenRules(files: Readonly<Record<string, string>>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'import-rules-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const { forbidden } = await extractDepcruiseConfig(join(root, '.dependency-cruiser.cjs'));
    const { output } = await cruise(['src'], {
      baseDir: dir,
      validate: true,
      ruleSet: { forbidden: forbidden ?? [] },
      tsPreCompilationDeps: true,
    });
    const result = output as ICruiseResult;
    return [...new Set(result.summary.violations.map((v) => v.rule.name))].sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const params =
  "export interface ConvParams { readonly groups: number }\nexport const conv = { kind: 'Conv' };\n";

describe('the import rules', () => {
  it('refuse a circle of type imports alone (a kind and its PyTorch form naming its params)', async () => {
    const broken = await brokenRules({
      'src/core/ops/conv.ts': `import { convTorch } from '../torch/conv';\n${params}export const form = convTorch;\n`,
      'src/core/torch/conv.ts':
        "import type { ConvParams } from '../ops/conv';\nexport const convTorch = (p: ConvParams): number => p.groups;\n",
    });
    expect(broken).toEqual(['no-circular']);
  });

  it('accept the same files when the form names its params from a file of types below both', async () => {
    const broken = await brokenRules({
      'src/core/params.ts': 'export interface ConvParams { readonly groups: number }\n',
      'src/core/ops/conv.ts': "import { convTorch } from '../torch/conv';\nexport const form = convTorch;\n",
      'src/core/torch/conv.ts':
        "import type { ConvParams } from '../params';\nexport const convTorch = (p: ConvParams): number => p.groups;\n",
    });
    expect(broken).toEqual([]);
  });

  it('refuse an import of anything by the kind table types', async () => {
    const broken = await brokenRules({
      'src/core/shape.ts': 'export type Shape = readonly number[];\n',
      'src/core/kind-types.ts': "import type { Shape } from './shape';\nexport type Kinds = Shape;\n",
    });
    expect(broken).toEqual(['kind-types-import-nothing']);
  });
});
