/** Writing Python source: literals, calls and identifiers that are always valid. */

export type PyValue = number | boolean | string | null | readonly PyValue[];

/** A Python literal: True/False/None, numbers as JavaScript prints them (valid Python), strings quoted, arrays as tuples. */
export function py(v: PyValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`${v} has no Python literal`);
    return String(v);
  }
  if (typeof v === 'string') return JSON.stringify(v);
  return v.length === 1 ? `(${py(v[0] ?? null)},)` : `(${v.map(py).join(', ')})`;
}

/** A pair written as one number when both are equal, as PyTorch takes them: (3, 3) → 3. */
export const pair = (v: readonly [number, number]): PyValue => (v[0] === v[1] ? v[0] : [v[0], v[1]]);

const sameValue = (a: PyValue, b: PyValue): boolean => py(a) === py(b);

/**
 * `Name(a, b, key=value)`: keyword arguments equal to their default are left out, so a call
 * says only what differs from the class's defaults.
 */
export function pyCall(
  name: string,
  positional: readonly PyValue[],
  keywords: readonly (readonly [name: string, value: PyValue, fallback?: PyValue])[] = [],
): string {
  const args = positional.map(py);
  for (const [k, v, d] of keywords) if (d === undefined || !sameValue(v, d)) args.push(`${k}=${py(v)}`);
  return `${name}(${args.join(', ')})`;
}

const keywords = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for ' +
    'from global if import in is lambda nonlocal not or pass raise return try while with yield match case'
  ).split(' '),
);

/** Names the generated file defines or imports, and builtins a reader would not want shadowed. */
const taken = new Set(
  (
    'self torch nn F math json os struct OrderedDict input print len range list dict tuple set min max ' +
    'sum abs round int float str bool type id object super any all map zip iter next open format hash'
  ).split(' '),
);

/** Attributes of nn.Module (torch 1.13 and 2.x): a submodule with one of these names would hide it. */
const moduleAttributes = new Set(
  (
    'T_destination add_module append apply bfloat16 buffers call_super_init children compile cpu cuda double ' +
    'dump_patches eval extend extra_repr float forward get_buffer get_extra_state get_parameter ' +
    'get_submodule half insert ipu load_state_dict modules mtia named_buffers named_children named_modules ' +
    'named_parameters parameters pop register_backward_hook register_buffer register_forward_hook ' +
    'register_forward_pre_hook register_full_backward_hook register_full_backward_pre_hook ' +
    'register_load_state_dict_post_hook register_load_state_dict_pre_hook register_module register_parameter ' +
    'register_state_dict_post_hook register_state_dict_pre_hook requires_grad_ set_extra_state ' +
    'set_submodule share_memory state_dict to to_empty train training type xpu zero_grad'
  ).split(' '),
);

/** A label as a Python identifier: other characters become "_", a leading digit gets `prefix_`. */
export function identifier(label: string, prefix = 'layer'): string {
  let s = label
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (s === '') s = prefix;
  if (/^[0-9]/.test(s)) s = `${prefix}_${s}`;
  return s;
}

/** "op zoo" → "OpZoo", "MobileNetV2" stays: a class name from the design's name. */
export function className(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const s = words.map((w) => (w[0] ?? '').toUpperCase() + w.slice(1)).join('');
  if (s === '') return 'Network';
  return /^[0-9]/.test(s) ? `Net${s}` : s;
}

/** Hands out names unique within one scope, avoiding keywords and names Python or nn.Module own. */
export class NameScope {
  private readonly used = new Set<string>();
  constructor(private readonly avoid: 'module' | 'local' | 'child') {}

  private free(name: string): boolean {
    if (this.used.has(name)) return false;
    if (this.avoid === 'child' && /^[0-9]+$/.test(name)) return true;
    return !keywords.has(name) && !moduleAttributes.has(name) && (this.avoid !== 'local' || !taken.has(name));
  }

  /** `name`, or `name_2`, `name_3`, … when it is taken. */
  claim(name: string): string {
    let candidate = this.free(name) ? name : `${name}_2`;
    for (let i = 3; !this.free(candidate); i++) candidate = `${name}_${i}`;
    this.used.add(candidate);
    return candidate;
  }

  reserve(name: string): void {
    this.used.add(name);
  }
}

/** Indents every non-empty line by `levels` × 4 spaces. */
export const indent = (text: string, levels = 1): string =>
  text
    .split('\n')
    .map((l) => (l === '' ? l : ' '.repeat(4 * levels) + l))
    .join('\n');
