import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README's first command, `npm ci`, must work on a fresh machine that reaches only the npm
 * registry, on the Node the README names. These tests read what npm reads: package.json and the
 * lock file's record of every installed package's `engines`.
 */
const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: Record<string, string> | string[]; dev?: boolean }>;
};
const readme = readFileSync(join(root, 'README.md'), 'utf8');

type Version = readonly [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v.replace(/^[v=]/, '').split('.').map(Number);
  return [a, b, c];
};
const cmp = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `version` satisfies a node engines range (the forms npm packages use: >=, ^, ||, spaces). */
function satisfies(version: Version, range: string): boolean {
  return range.split('||').some((alt) =>
    alt
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter((c) => c !== '' && c !== '*')
      .every((c) => {
        const m = /^(>=|<=|>|<|\^|~|=)?\s*v?(\d+)(?:\.(\d+|x))?(?:\.(\d+|x))?/.exec(c);
        if (m === null) return true;
        const want: Version = [
          Number(m[2]),
          Number(m[3] === 'x' ? 0 : (m[3] ?? 0)),
          Number(m[4] === 'x' ? 0 : (m[4] ?? 0)),
        ];
        const d = cmp(version, want);
        switch (m[1]) {
          case '>=':
            return d >= 0;
          case '>':
            return d > 0;
          case '<=':
            return d <= 0;
          case '<':
            return d < 0;
          case '^':
            return d >= 0 && version[0] === want[0];
          case '~':
            return d >= 0 && version[0] === want[0] && version[1] === want[1];
          default:
            return m[3] === undefined ? version[0] === want[0] : d === 0;
        }
      }),
  );
}

describe('a fresh install as the README says', () => {
  const promised = /Node (\d+\.\d+)\+/.exec(readme)?.[1];

  it('the README and package.json name the same lowest Node', () => {
    expect(promised).toBeDefined();
    expect(pkg.engines.node).toBe(`>=${promised ?? ''}`);
  });

  it('every installed package accepts that Node (npm ci prints no EBADENGINE)', () => {
    const node = parse(`${promised ?? '0'}.0`);
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, p]) => {
        const range = Array.isArray(p.engines) ? undefined : p.engines?.node;
        return range !== undefined && !satisfies(node, range) ? [`${path}: node ${range}`] : [];
      });
    expect(refusing).toEqual([]);
  });

  it("onnxruntime-node's install script, which downloads from outside the registry, never runs", () => {
    expect(pkg.allowScripts?.['onnxruntime-node']).toBe(false);
  });

  it('the range check itself reads the forms packages use', () => {
    expect(satisfies([20, 19, 0], '>=22')).toBe(false);
    expect(satisfies([20, 19, 0], '^20.12.0 || >=22')).toBe(true);
    expect(satisfies([20, 19, 0], '^18.18.0 || ^20.9.0 || >=21.1.0')).toBe(true);
    expect(satisfies([20, 19, 0], '>=20.19.0 <21')).toBe(true);
    expect(satisfies([20, 19, 0], '^22.12.0')).toBe(false);
    expect(satisfies([20, 19, 0], '>= 18')).toBe(true);
  });
});
