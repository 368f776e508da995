import { analyze } from '../../analysis/analyze';
import type { Design, DesignWeights } from '../../design/design-types';
import { weightSpecs } from '../../onnx/layer-weights';

/** One tensor of a .safetensors file, as float32. */
export interface FileTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export type Decoded =
  | { readonly ok: true; readonly tensors: ReadonlyMap<string, FileTensor> }
  | { readonly ok: false; readonly error: string };

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const dtypeBytes: Readonly<Record<string, number>> = { F32: 4, F64: 8 };
const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Reads a .safetensors file (8-byte little-endian header length, JSON header, raw little-endian
 * data): float32 tensors, and float64 ones turned into float32. Never throws.
 */
export function decodeSafetensors(bytes: Uint8Array, file: string): Decoded {
  const bad = (why: string): Decoded => ({ ok: false, error: `${file} is not a safetensors file: ${why}` });
  if (bytes.length < 8) return bad('it is shorter than its 8-byte header length');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = Number(view.getBigUint64(0, true));
  if (length > bytes.length - 8) return bad(`its header length (${length}) runs past the end of the file`);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + length)));
  } catch {
    return bad('its header is not JSON');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    return bad('its header is not a JSON object');
  const base = 8 + length;
  const tensors = new Map<string, FileTensor>();
  for (const [name, info] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') continue;
    const {
      dtype,
      shape,
      data_offsets: offsets,
    } = (info ?? {}) as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const size = typeof dtype === 'string' ? dtypeBytes[dtype] : undefined;
    if (size === undefined)
      return {
        ok: false,
        error: `${file}: tensor "${name}" is ${String(dtype)}; weights are read as F32 (or F64)`,
      };
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && (d as number) >= 0))
      return bad(`tensor "${name}" has no valid shape`);
    if (
      !Array.isArray(offsets) ||
      offsets.length !== 2 ||
      !offsets.every((o) => Number.isInteger(o) && (o as number) >= 0)
    )
      return bad(`tensor "${name}" has no valid data_offsets`);
    const [begin, end] = offsets as [number, number];
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    if (end - begin !== count * size || base + end > bytes.length)
      return bad(`tensor "${name}" has ${end - begin} bytes of data for ${count} values`);
    let data: Float32Array;
    if (size === 4 && littleEndian) data = new Float32Array(bytes.slice(base + begin, base + end).buffer);
    else {
      data = new Float32Array(count);
      for (let i = 0; i < count; i++)
        data[i] =
          size === 4
            ? view.getFloat32(base + begin + 4 * i, true)
            : view.getFloat64(base + begin + 8 * i, true);
    }
    tensors.set(name, { shape: shape as number[], data });
  }
  return { ok: true, tensors };
}

export type Bound =
  | {
      readonly ok: true;
      readonly weights: DesignWeights;
      readonly tensors: number;
      readonly values: number;
      readonly layers: number;
    }
  | { readonly ok: false; readonly error: string; readonly keys: readonly string[] };

/**
 * Binds a file's tensors to the design's layers by the studio's names (layer key, a dot, role:
 * "n7/expand.weight", as train.py writes them) and shape. Every weight the design has must be
 * there with its shape, and nothing else: otherwise nothing is bound, and the error names the
 * keys at fault.
 */
export function bindTrainedWeights(
  design: Design,
  tensors: ReadonlyMap<string, FileTensor>,
  file: string,
): Bound {
  const layers: Record<string, Record<string, Float32Array>> = {};
  const wrong: string[] = [];
  const missing: string[] = [];
  const expected = new Set<string>();
  let values = 0;
  for (const layer of analyze(design).layers)
    for (const spec of weightSpecs(layer)) {
      const name = `${layer.key}.${spec.role}`;
      expected.add(name);
      const t = tensors.get(name);
      if (t === undefined) {
        missing.push(name);
        continue;
      }
      if (t.shape.length !== spec.dims.length || t.shape.some((d, i) => d !== spec.dims[i])) {
        wrong.push(
          `${name} (${t.shape.join('×') || 'scalar'} in the file, ${spec.dims.join('×')} in the design)`,
        );
        continue;
      }
      (layers[layer.key] ??= {})[spec.role] = t.data;
      values += t.data.length;
    }
  const extra = [...tensors.keys()].filter((k) => !expected.has(k));
  if (wrong.length + missing.length + extra.length > 0) {
    const list = (label: string, keys: string[]): string[] =>
      keys.length === 0
        ? []
        : [
            `${label}: ${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ` and ${keys.length - 12} more` : ''}`,
          ];
    const parts = [
      ...list(`${plural(wrong.length, 'tensor')} of the wrong shape`, wrong),
      ...list(`${plural(missing.length, 'weight')} of the design missing`, missing),
      ...list(`${plural(extra.length, 'tensor')} the design has no layer for`, extra),
    ];
    return {
      ok: false,
      error: `${file} does not fit this design, so nothing was loaded: ${parts.join('; ')}.`,
      keys: [...wrong.map((w) => w.slice(0, w.indexOf(' ('))), ...missing, ...extra],
    };
  }
  return {
    ok: true,
    weights: { source: file, layers },
    tensors: expected.size,
    values,
    layers: Object.keys(layers).length,
  };
}
