import { beforeAll, describe, expect, it } from 'vitest';
import { i18next } from '../../i18n';
import { findPreset } from '../../core/presets/preset-registry';
import { paperRows, presetOf } from './paper-figures';
import { presetDesign } from '../../i18n/core-examples';
import { torchFigures } from '../../../test-support/torch-figures';

// Chinese loads when chosen in the app; the names below read it.
beforeAll(async () => {
  await i18next.loadLanguages('zh');
});

describe('paper figures', () => {
  it('knows a preset’s design by its name and builds each tabulated option', () => {
    const v2 = findPreset('mobilenet_v2');
    if (v2 === undefined) throw new Error('missing');
    expect(presetOf(v2.build())).toBe(v2);
    expect(presetOf({ name: 'My net', nodes: [], edges: [] })).toBeUndefined();
    // Opened in Chinese, the preset whose title holds words is named in Chinese: still known.
    const full = findPreset('mobilenet_v1_conv');
    if (full === undefined) throw new Error('missing');
    expect(presetDesign(full, 'zh').name).toBe('MobileNetV1（标准卷积）');
    expect(presetOf(presetDesign(full, 'zh'))).toBe(full);
    expect(presetDesign(full, 'en').name).toBe(full.build().name);
    // Beside Table 4's printed figures, the build's own: torchvision's module as PyTorch counts it.
    const torch = torchFigures('mobilenet_v2');
    expect(paperRows(v2).map((r) => [r.figures.source, r.built])).toEqual([
      [{ ref: 'Table 4' }, { params: torch.params, multiplyAdds: torch.multiplyAdds }],
    ]);
  });
});
