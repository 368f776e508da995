import { quote } from './quote';

/**
 * The limits every reader enforces (design documents, share links, ONNX files), in one place.
 * docs/limits.md says the same in words; a test keeps the two in step. They are far above any
 * compact network and low enough that a hostile file is refused before it can cost minutes or
 * gigabytes: a design that passes them has finite figures, and its export fits in memory.
 */
export const limits = {
  /** Largest height, width, kernel, stride, padding or dilation; any axis but channels. */
  maxDimension: 16_384,
  /** Largest channel or feature count (and any other count a setting holds: groups, sizes). */
  maxChannels: 65_536,
  /** Largest tensor, in elements (2^28: 1 GiB as float32). */
  maxTensorElements: 2 ** 28,
  /** Largest total of stored weights, in bytes (params and buffers as float32, or an ONNX file's). */
  maxWeightBytes: 2 ** 29,
  /** Most axes of a tensor. */
  maxRank: 32,
  /** Most nodes in a design or an ONNX graph. */
  maxNodes: 200_000,
  /** Longest name: a design's, a node's label or id, an ONNX node's or tensor's. */
  maxNameLength: 1_024,
  /** Longest share link, in characters after `#design=` (checked before decompressing). */
  maxShareLinkChars: 262_144,
  /** Longest design document a share link may expand to, in characters. */
  maxShareTextChars: 4_194_304,
  /** Most constant values folded in a graph (shape arithmetic is tiny; more is not shape arithmetic). */
  maxFoldedValues: 1_048_576,
  /** Deepest nesting of objects and lists in a design document (the presets nest 5 levels). */
  maxNesting: 64,
} as const;

export type LimitName = keyof typeof limits;

/** How a limit reads in a message: "the largest dimension (16,384)". */
export const limitWords: Readonly<Record<LimitName, string>> = {
  maxDimension: 'the largest dimension',
  maxChannels: 'the largest channel count',
  maxTensorElements: 'the largest tensor (elements)',
  maxWeightBytes: 'the largest total of weights (bytes)',
  maxRank: 'the most axes of a tensor',
  maxNodes: 'the most nodes',
  maxNameLength: 'the longest name',
  maxShareLinkChars: 'the longest share link',
  maxShareTextChars: 'the longest design a share link may hold',
  maxFoldedValues: 'the most constant values folded',
  maxNesting: 'the deepest nesting',
};

/** "above the largest dimension (16,384; see docs/limits.md)" */
export function overLimit(name: LimitName): string {
  return `above ${limitWords[name]} (${limits[name].toLocaleString('en-US')}; see docs/limits.md)`;
}

/**
 * Where a JSON value nests deeper than the limit ("nodes.0.params.a.a.a…", cut), or undefined.
 * Walked with a stack of its own, never by recursion, so that no depth can overflow the engine's:
 * readers check this before any recursive walk (the schema, the settings check, the migrations).
 */
export function nestingProblem(value: unknown): string | undefined {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: '' }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { v, depth, path } = item;
    // A typed array (weights) is flat: its millions of elements are not walked.
    if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) continue;
    if (depth >= limits.maxNesting) {
      return `the value at ${quote(path)} nests ${overLimit('maxNesting')}`;
    }
    for (const [k, x] of Object.entries(v))
      if (typeof x === 'object' && x !== null)
        stack.push({ v: x, depth: depth + 1, path: path === '' ? k : `${path}.${k}` });
  }
  return undefined;
}

/** Settings measured against the dimension limit; every other number against the channel limit. */
const spatialKeys = new Set(['kernel', 'stride', 'padding', 'dilation', 'height', 'width']);

/**
 * Numbers in a node's settings that are not finite or are above the limits, as `field: why`.
 * An opaque op's ONNX attributes are kept as they came (INT64_MAX is a common slice end) and are
 * not checked here; its output shapes are, through the analysis.
 */
export function settingProblems(params: unknown): readonly { field: string; message: string }[] {
  // Params objects are immutable and shared between equal nodes: each is walked once.
  const object = typeof params === 'object' && params !== null;
  const hit = object ? checked.get(params) : undefined;
  if (hit !== undefined) return hit;
  const out = walkSettings(params);
  if (object) checked.set(params, out);
  return out;
}

const checked = new WeakMap<object, readonly { field: string; message: string }[]>();

function walkSettings(params: unknown): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const walk = (v: unknown, path: string[], limit: LimitName): void => {
    if (out.length >= 8) return;
    if (typeof v === 'number') {
      const field = path.join('.');
      if (!Number.isFinite(v)) out.push({ field, message: `${String(v)} is not a finite number` });
      else if (Math.abs(v) > limits[limit])
        out.push({ field, message: `${v.toLocaleString('en-US')} is ${overLimit(limit)}` });
    } else if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, [...path, String(i)], limit);
    } else if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v)) {
        if (path.length === 0 && k === 'attributes') continue;
        walk(x, [...path, k], path.length === 0 && spatialKeys.has(k) ? 'maxDimension' : limit);
      }
  };
  walk(params, [], 'maxChannels');
  return out;
}

/** A shape's problem with the limits, or undefined: axes (channels at 1) and element count. */
export function shapeProblem(shape: readonly number[]): string | undefined {
  if (shape.length > limits.maxRank) return `its ${shape.length} axes are ${overLimit('maxRank')}`;
  for (const [axis, d] of shape.entries()) {
    const limit: LimitName = shape.length === 4 && axis >= 2 ? 'maxDimension' : 'maxChannels';
    if (!Number.isFinite(d) || d > limits[limit])
      return `axis ${axis} of ${shape.join('×')} is ${overLimit(limit)}`;
  }
  const elements = shape.reduce((a, b) => a * b, 1);
  if (elements > limits.maxTensorElements)
    return `the tensor ${shape.join('×')} has ${elements.toLocaleString('en-US')} elements, ${overLimit('maxTensorElements')}`;
  return undefined;
}
