import { describe, expect, it } from 'vitest';
import { blockKinds, blockRegistry } from '../core/blocks/block-registry';
import { diagnosticCodes } from '../core/diagnostics';
import { opKinds, opRegistry } from '../core/ops/op-registry';
import { fieldsOf } from '../core/document/field-spec';
import { i18next, resources } from './index';
import { zhResources } from './zh-resources';
import { diagnosticText } from './core-text';

const zh = zhResources.core;
const hasCjk = (s: unknown) => typeof s === 'string' && /\p{Script=Han}/u.test(s);

// Derived from the registries, not from the English tree: a new kind, field or code without a Chinese entry
// fails here by name. Names that are the same in both languages (ReLU, Sigmoid, Softmax, epsilon) are allowed
// to stay Latin; every description and help sentence must be Chinese.
const latinNames = new Set([
  'ReLU',
  'ReLU6',
  'Hard-swish',
  'Hard-sigmoid',
  'Sigmoid',
  'Softmax',
  'Dropout',
  'SiLU（swish）',
]);

describe('the core text in Chinese', () => {
  const kinds = [
    ...opKinds.map((k) => ['ops', k, opRegistry[k].schema] as const),
    ...blockKinds.map((k) => ['blocks', k, blockRegistry[k].schema] as const),
  ];
  it.each(kinds)(
    '%s %s has a Chinese title, description and field labels and help',
    (group, kind, schema) => {
      const entry = (zh[group] as Record<string, { title?: string; description?: string; fields: object }>)[
        kind
      ];
      expect(entry, kind).toBeDefined();
      expect(entry?.title, `${kind} title`).toBeTypeOf('string');
      if (!latinNames.has(entry?.title ?? '')) expect(hasCjk(entry?.title), `${kind} title`).toBe(true);
      expect(hasCjk(entry?.description), `${kind} description`).toBe(true);
      const fields = (entry?.fields ?? {}) as Record<string, { label?: string; help?: string }>;
      for (const f of fieldsOf(schema as Parameters<typeof fieldsOf>[0])) {
        expect(fields[f.name]?.label, `${kind}.${f.name} label`).toBeTypeOf('string');
        if (f.help !== undefined) expect(hasCjk(fields[f.name]?.help), `${kind}.${f.name} help`).toBe(true);
      }
    },
  );
  it.each(Object.values(diagnosticCodes))('diagnostic %s has a Chinese meaning', (code) => {
    expect(hasCjk(zh.diagnostics[code]), code).toBe(true);
    expect(resources.en.core.diagnostics[code], code).toBeTypeOf('string');
  });
  it('a diagnostic reads as the core wrote it in English, and with its Chinese meaning first in Chinese', async () => {
    const d = { code: 'CS004', message: 'groups = 3 does not divide 32 input channels.' } as const;
    await i18next.changeLanguage('en');
    expect(diagnosticText(d)).toBe('groups = 3 does not divide 32 input channels.');
    await i18next.changeLanguage('zh');
    // The detail names figures the core computed; it stays as the core wrote it (the one allowed fallback).
    expect(diagnosticText(d)).toBe('分组数不能整除通道数：groups = 3 does not divide 32 input channels.');
    await i18next.changeLanguage('en');
  });
});
