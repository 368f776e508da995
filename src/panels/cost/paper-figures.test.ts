import { describe, expect, it } from 'vitest';
import { findPreset } from '../../core/presets/registry';
import { paperRows, presetOf } from './paper-figures';

describe('paper figures', () => {
  it('knows a preset’s design by its name and builds each tabulated option', () => {
    const v2 = findPreset('mobilenet_v2');
    if (v2 === undefined) throw new Error('missing');
    expect(presetOf(v2.build())).toBe(v2);
    expect(presetOf({ name: 'My net', nodes: [], edges: [] })).toBeUndefined();
    const rows = paperRows(v2);
    const torchvision = rows.find((r) => r.figures.params === 3_504_872);
    expect(torchvision?.built).toEqual({ params: 3_504_872, multiplyAdds: 300_774_272 });
  });
});
