import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { examples, findExample } from './example-registry';

/** The survey chapter's reference numbers for each level's methods (its bibliography [124]–[145]). */
const refsOfLevel = { kernel: [124, 136], layer: [137, 142], network: [143, 145] } as const;

describe('the examples table', () => {
  it('names are unique snake_case', () => {
    const names = examples.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
  });

  it.each(examples.map((e) => [e.name, e] as const))('%s builds, analyses clean, cites its level', (_, e) => {
    const [lo, hi] = refsOfLevel[e.level];
    expect(e.surveyRef).toBeGreaterThanOrEqual(lo);
    expect(e.surveyRef).toBeLessThanOrEqual(hi);
    const design = e.build();
    expect(e.build()).not.toBe(design);
    const errors = analyze(design).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    expect(design.nodes.filter((n) => n.kind === 'Output').length).toBeGreaterThanOrEqual(1);
    expect(e.shows).not.toMatch(/\n/);
  });

  it('finds by name and says nothing for an unknown one', () => {
    expect(findExample('fire_vs_conv3x3')?.surveyRef).toBe(124);
    expect(findExample('nope')).toBeUndefined();
  });

  it('every kernel-level method of the chapter has an example', () => {
    const refs = new Set(examples.filter((e) => e.level === 'kernel').map((e) => e.surveyRef));
    for (const r of [124, 125, 126, 127, 128, 129, 130, 132, 133, 134, 135])
      expect(refs.has(r), `[${r}]`).toBe(true);
  });
});
