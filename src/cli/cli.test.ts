import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInMemory as cli } from '../../test-support/cli';
import { GraphBuilder } from '../core/design/builder';
import { serializeDesign } from '../core/document/format';

function tinyDesign(groups = 1): string {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 8, width: 8 }, [], 'image');
  const c = g.add('Conv2d', { outChannels: 6, groups }, [x], 'conv1');
  const p = g.add('GlobalAvgPool', {}, [c], 'pool');
  const f = g.add('Flatten', {}, [p], 'flat');
  const l = g.add('Linear', { outFeatures: 10 }, [f], 'fc');
  g.output(l);
  return serializeDesign(g.design('tiny'));
}

describe('cli', () => {
  it('cost --json follows the contract the README states', async () => {
    const r = await cli(['cost', 'd.json', '--json'], { 'd.json': tinyDesign() });
    expect(r.status).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown> & { layers: Record<string, unknown>[] };
    expect(j).toMatchObject({
      params: 6 * 27 + 60 + 10,
      multiplyAdds: 6 * 64 * 27 + 60,
      activations: { sum: 192 + 384 + 6 + 10, peak: 576 },
    });
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['memoryAccess', 'memoryAccessConvFc', 'layers']));
    expect(j.layers.find((l) => l.name === 'conv1')).toEqual({
      name: 'conv1',
      op: 'Conv2d',
      block: null,
      outputShape: [1, 6, 8, 8],
      params: 162,
      multiplyAdds: 10368,
      memoryAccess: 192 + 384 + 162,
      // Dense: the effective figures are the exported ones; im2col buffer 3·9 rows × 8·8 columns.
      effectiveParams: 162,
      effectiveMultiplyAdds: 10368,
      effectiveIndices: 0,
      workspace: 27 * 64,
    });
  });

  it('cost prints a table that names the convention', async () => {
    const r = await cli(['cost', 'd.json'], { 'd.json': tinyDesign() });
    expect(r.out).toMatch(/conv1\s+Conv2d\s+1×6×8×8\s+162\s+10,368/);
    expect(r.out).toMatch(/memory access, conv\/FC \(ShuffleNetV2 MAC\)/);
  });

  it('validate says ok for a good design', async () => {
    const r = await cli(['validate', 'd.json'], { 'd.json': tinyDesign() });
    expect(r).toMatchObject({ status: 0, err: '' });
    expect(r.out).toMatch(/^ok: 6 nodes/m);
  });

  const failures: [string, string[], Record<string, string>, RegExp][] = [
    ['no command', [], {}, /usage: npm run cli/],
    ['an unknown command', ['frobnicate'], {}, /unknown command "frobnicate"/],
    ['a missing file', ['cost', 'nope.json'], {}, /^error: nope\.json: no such file\n$/],
    [
      'a file that is not JSON',
      ['validate', 'x.json'],
      { 'x.json': 'hello' },
      /^error: x\.json: document: not valid JSON/,
    ],
    [
      'groups that do not divide',
      ['validate', 'd.json'],
      { 'd.json': tinyDesign(2) },
      /^error: error CS004 node "conv1" \(id "n2"\): groups = 2 does not divide the 3 input channels/,
    ],
    ['an unknown preset', ['cost', 'preset:alexnet'], {}, /^error: unknown preset "alexnet"/],
    [
      'an unknown option',
      ['cost', 'd.json', '--fast'],
      { 'd.json': tinyDesign() },
      /^error: unknown option --fast/,
    ],
    ['a bad width', ['cost', 'preset:x', '--width', 'wide'], {}, /--width must be a positive number/],
    [
      'a preset option on a file',
      ['cost', 'd.json', '--groups', '2'],
      { 'd.json': tinyDesign() },
      /--groups applies to presets only/,
    ],
  ];

  it.each(failures)('exits 1 with one line on stderr for %s', async (_n, args, files, message) => {
    const r = await cli(args, files);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(message);
    if (args.length > 0 && args[0] !== 'frobnicate') expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('cli as a process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-cli-'));
  const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

  it('prints cost --json on stdout with status 0', () => {
    const file = join(dir, 'tiny.json');
    writeFileSync(file, tinyDesign());
    const out = execFileSync(tsx, ['src/cli/main.ts', 'cost', file, '--json'], { encoding: 'utf8' });
    expect((JSON.parse(out) as { params: number }).params).toBe(232);
  });

  it('exits 1 with one line and no stack trace on bad input', () => {
    const r = spawnSync(tsx, ['src/cli/main.ts', 'validate', join(dir, 'missing.json')], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
