import type { OpKind } from '../../kind-types';

/** One primitive of the imported network, wired by ONNX tensor names. */
export interface Prim {
  readonly kind: OpKind;
  /** Params as written by hand (the op schema fills in the rest). */
  readonly params: Record<string, unknown>;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** A readable, unique label derived from the ONNX node name. */
  readonly label: string;
  /** Weights by role ("weight", "bias", "running_mean", …). */
  readonly weights: Readonly<Record<string, Float32Array>>;
}

/**
 * A readable label from an ONNX node name. torch.onnx names nodes by module scope
 * ("/features/features.1/conv/conv.0/conv.0.0/Conv"): that becomes the module path
 * "features.1.conv.0.0"; our own names ("fire2/squeeze1x1") stay as they are.
 */
export function labelFrom(name: string, opType: string): string {
  if (!name.startsWith('/')) return name;
  const segments = name.split('/').filter((s) => s !== '');
  const last = segments.at(-1) ?? '';
  if (last === opType || last.startsWith(`${opType}_`)) segments.pop();
  const path: string[] = [];
  for (const s of segments) {
    const prev = path.at(-1);
    if (prev !== undefined && s.startsWith(`${prev}.`)) path[path.length - 1] = s;
    else path.push(s);
  }
  const module = path.join('.');
  return module === '' ? opType.toLowerCase() : module;
}

/** JSON that keeps apart what plain JSON merges (NaN, ±Infinity and null; undefined and absent). */
const exact = (_: string, v: unknown): unknown =>
  typeof v === 'number' && !Number.isFinite(v) ? `#${String(v)}` : v === undefined ? '#undefined' : v;

/**
 * `JSON.stringify(v, exact)` of plain settings (numbers, strings, booleans, null, undefined, plain
 * arrays and objects), written without a replacer call per value; undefined for anything else.
 */
function plainJson(v: unknown): string | undefined {
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? JSON.stringify(v) : JSON.stringify(`#${String(v)}`);
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return '"#undefined"';
    case 'object': {
      if (v === null) return 'null';
      const parts: string[] = [];
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const part = plainJson(v[i]);
          if (part === undefined) return undefined;
          parts.push(part);
        }
        return `[${parts.join(',')}]`;
      }
      if (Object.getPrototypeOf(v) !== Object.prototype) return undefined;
      for (const k of Object.keys(v)) {
        const part = plainJson((v as Record<string, unknown>)[k]);
        if (part === undefined) return undefined;
        parts.push(`${JSON.stringify(k)}:${part}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      return undefined;
  }
}

/** Keys already written, per params object (they are never changed once made). */
const keys = new WeakMap<object, { readonly kind: string; readonly key: string }>();

/**
 * One string for a kind and its settings as written: equal strings, equal settings. Worked out
 * once per params object: the mapper, the block matcher and the design builder all ask.
 */
export function settingsKey(kind: string, params: unknown): string {
  const object = typeof params === 'object' && params !== null;
  const hit = object ? keys.get(params) : undefined;
  if (hit?.kind === kind) return hit.key;
  const key = `${kind} ${plainJson(params) ?? JSON.stringify(params, exact)}`;
  if (object) keys.set(params, { kind, key });
  return key;
}
