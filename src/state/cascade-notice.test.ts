import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { importModel } from '../core/onnx/import/import';
import { i18next } from '../i18n';
import { createStudioStore } from './store';

function mobilenetV3() {
  const bytes = gunzipSync(
    readFileSync(join(__dirname, '../../fixtures/torch', 'mobilenet_v3_small.bn.op13.onnx.gz')),
  );
  const r = importModel(new Uint8Array(bytes), { source: 'mobilenet_v3_small.onnx' });
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

afterEach(async () => {
  await i18next.changeLanguage('en');
});

describe('an edit that cascades says what it changed, with an Undo', () => {
  const design = mobilenetV3();
  const idOf = (label: string): string => design.nodes.find((n) => n.label === label)?.id ?? '';

  for (const lang of ['en', 'zh'] as const)
    it(`widening features.4 says features.5 lost its skip and which weights were replaced (${lang})`, async () => {
      await i18next.changeLanguage(lang);
      const store = createStudioStore();
      store.getState().replaceDesign(design, { fresh: true });
      const f5 = idOf('features.5');
      const weightsBefore = store.getState().design.weights?.layers;
      store.getState().setParams(idOf('features.4'), { outChannels: 48 });
      const notice = store.getState().notice;
      // torchvision's block holds 8 weighted layers: expand conv + BN, depthwise conv + BN, the SE's
      // fc1 and fc2, project conv + BN. Only the expand conv reads the wider input.
      expect(notice?.text).toBe(
        lang === 'en'
          ? 'features.5 lost its residual add: a skip needs stride 1 and equal input and output widths (input 48, output 40 channels). Undo (Ctrl+Z) brings it back. features.5: 1 layer changed shape, so its imported weights were replaced by fresh ones; its other 7 keep theirs.'
          : 'features.5 失去了 1 个残差相加：跳连要求步长为 1 且输入、输出通道数相同（输入 48、输出 40 通道）。撤销（Ctrl+Z）可恢复。features.5：1 个层的形状改变了，其导入的权重已换为新初始化的权重；其余 7 个层保留原权重。',
      );
      expect(notice?.keepFocus).toBe(true);
      const after = store.getState().design;
      expect(
        (after.nodes.find((n) => n.id === f5)?.params as { expandedChannels?: number }).expandedChannels,
      ).toBe(240);
      expect(after.weights?.layers[`${f5}/depthwise`]).toBe(weightsBefore?.[`${f5}/depthwise`]);
      // The notice's Undo takes the whole edit back: widths, skip and weights.
      expect(notice?.actions?.map((a) => a.label)).toEqual([lang === 'en' ? 'Undo' : '撤销']);
      notice?.actions?.[0]?.run();
      expect(store.getState().design).toBe(design);
    });
});
