import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '../../i18n';
import { remedyOf, toError } from './run-actions';

afterEach(async () => {
  await i18next.changeLanguage('en');
});

describe('a runtime error for the reader', () => {
  const response = {
    type: 'error',
    id: 1,
    code: 'unsupported-op',
    message: 'The runtime has no kernel for Gelu (opset 20), used by “act”.',
  } as const;
  it('reads as the runtime wrote it in English', () => {
    const e = toError(response);
    expect(e.message).toBe(response.message);
    expect(remedyOf(e)).toMatch(/^Replace that op with a standard one/);
  });
  it('says its code in Chinese, keeping the runtime’s own words as a detail', async () => {
    await i18next.changeLanguage('zh');
    const e = toError(response);
    expect(e.message).toBe('运行时没有实现该设计中的某个算子。');
    expect(e.details?.[0]).toBe(response.message);
    expect(remedyOf(e)).toBe('把该算子换成标准算子，或改用 WASM 后端（它比 WebGPU 实现的算子更多）。');
  });
});
