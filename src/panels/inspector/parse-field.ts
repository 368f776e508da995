import type { FieldSpec } from '../../core/document/field-spec';
import { i18next } from '../../i18n';

export type Parsed =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

function range(spec: { int: boolean; min?: number; max?: number }): string {
  const t = (key: string, intKey: string) =>
    i18next.t(`inspector:parse.${spec.int ? intKey : key}`, { min: spec.min, max: spec.max });
  if (spec.min !== undefined && spec.max !== undefined) return t('range', 'rangeInt');
  if (spec.min !== undefined) return t('atLeast', 'atLeastInt');
  if (spec.max !== undefined) return t('atMost', 'atMostInt');
  return t('number', 'numberInt');
}

function parseNumber(text: string, spec: { int: boolean; min?: number; max?: number }): Parsed {
  const t = text.trim();
  const v = Number(t);
  if (t === '' || !Number.isFinite(v)) return { ok: false, message: range(spec) };
  if (spec.int && !Number.isInteger(v)) return { ok: false, message: range(spec) };
  if (spec.min !== undefined && v < spec.min) return { ok: false, message: range(spec) };
  if (spec.max !== undefined && v > spec.max) return { ok: false, message: range(spec) };
  return { ok: true, value: v };
}

/** Turns what was typed into a parameter value, or says in words what is wrong with it. */
export function parseField(spec: FieldSpec, text: string): Parsed {
  switch (spec.type) {
    case 'number':
      if (spec.optional && text.trim() === '') return { ok: true, value: undefined };
      return parseNumber(text, spec);
    case 'list': {
      if (text.trim() === '') return { ok: true, value: [] };
      const values: number[] = [];
      for (const part of text.split(/[\s,]+/).filter((p) => p !== '')) {
        const p = parseNumber(part, spec);
        if (!p.ok)
          return {
            ok: false,
            message: i18next.t('inspector:parse.eachEntry', {
              message: `${p.message.charAt(0).toLowerCase()}${p.message.slice(1)}`,
            }),
          };
        values.push(p.value as number);
      }
      return { ok: true, value: values };
    }
    default:
      return { ok: false, message: i18next.t('inspector:parse.cannotType') };
  }
}

/** A value as the field shows it. */
export function formatField(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}
