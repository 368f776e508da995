import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../core/design/builder';
import * as edit from '../../core/design/edit';
import { previousDesign } from './use-previous';

function design() {
  const g = new GraphBuilder();
  g.output(
    g.add('Conv2d', { outChannels: 8 }, [g.add('Input', { channels: 3, height: 8, width: 8 }, [])], 'conv'),
  );
  return g.design('d');
}

describe('live delta baseline', () => {
  it('skips moves and renames to the last edit that could change a figure', () => {
    const a = design();
    const conv = a.nodes.find((n) => n.label === 'conv')?.id ?? '';
    const b = edit.updateParams(a, conv, { outChannels: 16 });
    const c = edit.moveNodes(b, new Map([[conv, { x: 50, y: 50 }]]));
    const d = edit.renameDesign(c, 'renamed');
    expect(previousDesign(d, [{ design: a }, { design: b }, { design: c }])).toBe(a);
    expect(previousDesign(b, [{ design: a }])).toBe(a);
    expect(previousDesign(a, [])).toBeUndefined();
  });
});
