import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockKinds } from '../blocks/block-registry';
import { parseDesign, serializeDesign } from '../document/format';
import { inputCount, outputCount } from '../design/builder';
import { addNode, connect, removeEdges, removeNodes, updateParams } from '../design/edit';
import type { Design, NodeKind } from '../design/design-types';
import { opKinds } from '../ops/op-registry';
import { analyze } from './analyze';

const kinds: NodeKind[] = [...opKinds, ...blockKinds];
const values = [
  0,
  -1,
  1,
  2,
  3,
  4,
  7,
  16,
  1000,
  1.5,
  0.5,
  [1, 1],
  [2, 2],
  [0, 3],
  [3],
  'x',
  true,
  false,
  null,
];

type Edit =
  | { t: 'add'; kind: number }
  | { t: 'connect'; a: number; b: number; pa: number; pb: number }
  | { t: 'param'; n: number; key: number; value: number }
  | { t: 'remove'; n: number }
  | { t: 'unlink'; e: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('add' as const), kind: fc.nat() }) },
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('connect' as const),
      a: fc.nat(),
      b: fc.nat(),
      pa: fc.nat(3),
      pb: fc.nat(3),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('param' as const), n: fc.nat(), key: fc.nat(), value: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('remove' as const), n: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('unlink' as const), e: fc.nat() }) },
);

function apply(d: Design, e: Edit): Design {
  const pick = <T>(list: readonly T[], i: number): T | undefined =>
    list.length === 0 ? undefined : list[i % list.length];
  switch (e.t) {
    case 'add':
      return addNode(d, pick(kinds, e.kind) ?? 'ReLU', { x: 0, y: 0 }).design;
    case 'connect': {
      const a = pick(d.nodes, e.a);
      const b = pick(d.nodes, e.b);
      if (a === undefined || b === undefined) return d;
      const r = connect(
        d,
        { node: a.id, port: e.pa % Math.max(1, outputCount(a)) },
        { node: b.id, port: e.pb % Math.max(1, inputCount(b)) },
      );
      return r.ok ? r.value : d;
    }
    case 'param': {
      const n = pick(d.nodes, e.n);
      const key = n === undefined ? undefined : pick(Object.keys(n.params), e.key);
      if (n === undefined || key === undefined) return d;
      return updateParams(d, n.id, { [key]: pick(values, e.value) });
    }
    case 'remove': {
      const n = pick(d.nodes, e.n);
      return n === undefined ? d : removeNodes(d, [n.id]);
    }
    case 'unlink': {
      const x = pick(d.edges, e.e);
      return x === undefined ? d : removeEdges(d, [x.id]);
    }
  }
}

describe('random edit sequences', () => {
  it('never make the analysis throw; problems come back as diagnostics on real nodes', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), (edits) => {
        let d: Design = { name: 'random', nodes: [], edges: [] };
        for (const e of edits) {
          d = apply(d, e);
          const a = analyze(d);
          const ids = new Set(d.nodes.map((n) => n.id));
          for (const diag of a.diagnostics) {
            expect(diag.message.length).toBeGreaterThan(0);
            if (diag.nodeId !== undefined) expect(ids.has(diag.nodeId)).toBe(true);
          }
          for (const v of Object.values(a.totals)) expect(Number.isFinite(v) && v >= 0).toBe(true);
          expect(a.activations.peak).toBeLessThanOrEqual(a.activations.sum);
          // Every node is accounted for: run, or reported as blocked.
          expect(a.nodes.size).toBe(d.nodes.length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('produce documents that save and load back to the same design, or are refused with a message', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        const d = edits.reduce<Design>(apply, { name: 'random', nodes: [], edges: [] });
        const r = parseDesign(serializeDesign(d));
        if (r.ok) expect(serializeDesign(r.design)).toBe(serializeDesign(d));
        else expect(r.errors[0]).toMatch(/^node \d+ ("[^"]*" \(id "n\d+"\)|"n\d+")[,:]/);
      }),
      { numRuns: 100 },
    );
  });
});
