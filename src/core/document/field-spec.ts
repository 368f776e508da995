import type { z } from 'zod';

/** How the inspector edits one parameter, read off the zod schema. */
export type FieldSpec =
  | {
      readonly type: 'number';
      readonly int: boolean;
      readonly min?: number;
      readonly max?: number;
      readonly optional: boolean;
    }
  | { readonly type: 'pair'; readonly int: boolean; readonly min?: number; readonly max?: number }
  | { readonly type: 'list'; readonly int: boolean; readonly min?: number }
  | { readonly type: 'boolean' }
  | { readonly type: 'enum'; readonly options: readonly string[] }
  | { readonly type: 'other' };

export interface Field {
  readonly name: string;
  readonly label: string;
  /** What the number counts in ("px"), when the schema says. */
  readonly unit?: string;
  /** One sentence on what the setting does, when the schema says. */
  readonly help?: string;
  /** Another field this one replaces while it is set (an absolute width over a ratio). */
  readonly overrides?: string;
  readonly spec: FieldSpec;
}

/** What a params schema says of a field: zod metadata, `.meta({ label, unit, help, overrides })`. */
export interface FieldMeta {
  readonly label?: string;
  readonly unit?: string;
  readonly help?: string;
  readonly overrides?: string;
}

interface Def {
  readonly type: string;
  readonly innerType?: unknown;
  readonly items?: readonly unknown[];
  readonly element?: unknown;
  readonly shape?: Readonly<Record<string, unknown>>;
}
type Introspectable = {
  readonly def: Def;
  meta?(): unknown;
  readonly minValue?: number | null;
  readonly maxValue?: number | null;
  readonly isInt?: boolean;
  readonly options?: readonly unknown[];
};

const wrappers = new Set(['default', 'prefault', 'optional', 'readonly', 'nullable', 'catch', 'nonoptional']);
const BIG = Number.MAX_SAFE_INTEGER;

function unwrap(schema: Introspectable): { inner: Introspectable; optional: boolean } {
  let s = schema;
  let optional = false;
  while (wrappers.has(s.def.type) && s.def.innerType !== undefined) {
    if (s.def.type === 'optional') optional = true;
    s = s.def.innerType as Introspectable;
  }
  return { inner: s, optional };
}

function numberBounds(s: Introspectable): { int: boolean; min?: number; max?: number } {
  const min = s.minValue;
  const max = s.maxValue;
  return {
    int: s.isInt === true,
    ...(typeof min === 'number' && Math.abs(min) < BIG ? { min } : {}),
    ...(typeof max === 'number' && Math.abs(max) < BIG ? { max } : {}),
  };
}

export function specOf(schema: unknown): FieldSpec {
  const { inner, optional } = unwrap(schema as Introspectable);
  switch (inner.def.type) {
    case 'number':
      return { type: 'number', ...numberBounds(inner), optional };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'enum', options: (inner.options ?? []).map(String) };
    case 'tuple': {
      const items = (inner.def.items ?? []).map((i) => unwrap(i as Introspectable).inner);
      const first = items[0];
      if (items.length === 2 && first !== undefined && items.every((i) => i.def.type === 'number'))
        return { type: 'pair', ...numberBounds(first) };
      return { type: 'other' };
    }
    case 'array': {
      const el = unwrap(inner.def.element as Introspectable).inner;
      return el.def.type === 'number' ? { type: 'list', ...numberBounds(el) } : { type: 'other' };
    }
    default:
      return { type: 'other' };
  }
}

/** A label from the name when the schema gives none: "dilation" → "Dilation", "expand3x3" → "Expand 3×3". */
export function fieldLabel(name: string): string {
  const words = name
    .replace(/(\d)x(\d)/g, '$1×$2')
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The field's metadata: from the outermost wrapper in, the first of each key wins. */
export function metaOf(schema: unknown): FieldMeta {
  const found: { label?: string; unit?: string; help?: string; overrides?: string } = {};
  for (let s = schema as Introspectable | undefined; s !== undefined;) {
    const m = s.meta?.();
    if (typeof m === 'object' && m !== null) {
      const { label, unit, help, overrides } = m as Record<string, unknown>;
      found.label ??= text(label);
      found.unit ??= text(unit);
      found.help ??= text(help);
      found.overrides ??= text(overrides);
    }
    s = wrappers.has(s.def.type) ? (s.def.innerType as Introspectable | undefined) : undefined;
  }
  return found;
}

/** The editable fields of a params schema (a zod object), in the schema's order. */
export function fieldsOf(schema: z.ZodType): Field[] {
  const { inner } = unwrap(schema);
  const shape = inner.def.shape ?? {};
  return Object.entries(shape).map(([name, s]) => {
    const { label, unit, help, overrides } = metaOf(s);
    return {
      name,
      label: label ?? fieldLabel(name),
      ...(unit === undefined ? {} : { unit }),
      ...(help === undefined ? {} : { help }),
      ...(overrides === undefined ? {} : { overrides }),
      spec: specOf(s),
    };
  });
}

/**
 * What editing `name` clears: the set fields that override it. A user who types a new expansion
 * ratio means the ratio, so an absolute expanded width read from a file gives way to it.
 */
export function clearedBy(
  fields: readonly Field[],
  params: Readonly<Record<string, unknown>>,
  name: string,
): Record<string, undefined> {
  return Object.fromEntries(
    fields
      .filter((f) => f.overrides === name && params[f.name] !== undefined)
      .map((f) => [f.name, undefined]),
  );
}

/** The set field that overrides `name`, if any: the inspector says the value shown is not in force. */
export function overriddenBy(
  fields: readonly Field[],
  params: Readonly<Record<string, unknown>>,
  name: string,
): Field | undefined {
  return fields.find((f) => f.overrides === name && params[f.name] !== undefined);
}
