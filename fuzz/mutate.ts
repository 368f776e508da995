import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import LZString from 'lz-string';

const { compressToEncodedURIComponent } = LZString;
import { AttrType, encodeModel, pb, type P } from '../src/core/onnx/proto';
import { interestingInts, interestingNames, type Rng } from './rng';

/** Byte mutations: flipped bits, edge values, varints, slices cut, copied or inserted, truncation. */
export function mutateBytes(seed: Uint8Array, rng: Rng): Uint8Array {
  // A copy (Buffer.prototype.slice would give a view, and the corpus would change under later cases).
  let b: Uint8Array = new Uint8Array(seed);
  for (let k = 1 + rng.int(4); k > 0; k--) {
    const at = rng.int(Math.max(1, b.length));
    switch (rng.int(7)) {
      case 0:
        b[at] = (b[at] ?? 0) ^ (1 << rng.int(8));
        break;
      case 1:
        b[at] = rng.pick([0, 0xff, 0x7f, 0x80, 0x01]);
        break;
      case 2: {
        // A varint of an edge value where a length or an int field may be.
        let v = BigInt.asUintN(64, BigInt(rng.pick(interestingInts)));
        for (let i = at; i < b.length && i < at + 10; i++) {
          b[i] = Number(v & 0x7fn) | (v > 0x7fn ? 0x80 : 0);
          v >>= 7n;
          if (v === 0n) break;
        }
        break;
      }
      case 3:
        b = concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + rng.int(64))));
        break;
      case 4: {
        const len = 1 + rng.int(64);
        b = concat(b.subarray(0, at), b.subarray(at, at + len), b.subarray(at));
        break;
      }
      case 5:
        b = b.subarray(0, rng.int(b.length + 1));
        break;
      default:
        b = concat(
          b.subarray(0, at),
          Uint8Array.from({ length: 1 + rng.int(16) }, () => rng.int(256)),
          b.subarray(at),
        );
    }
  }
  return b;
}

function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const intAttrs = [
  'axis',
  'group',
  'strides',
  'pads',
  'dilations',
  'kernel_shape',
  'perm',
  'keepdims',
  'ceil_mode',
  'transB',
];
const opTypes = [
  'Concat',
  'Identity',
  'Reshape',
  'Slice',
  'Split',
  'Pad',
  'Conv',
  'Gemm',
  'Shape',
  'Gather',
  'Unsqueeze',
  'Foo',
];

/** Structural mutations of a decoded model: attributes, dims, names, wiring, op types, nodes. */
export function mutateModel(seed: Uint8Array, rng: Rng): Uint8Array {
  const m = pb.ModelProto.decode(seed);
  const g = m.graph as P.GraphProto | null | undefined;
  if (g === null || g === undefined) return seed;
  // Decoded messages: every repeated field is an array (the interfaces say it may be missing).
  const nodes = g.node as (P.INodeProto & {
    input: string[];
    output: string[];
    attribute: P.IAttributeProto[];
  })[];
  const inits = g.initializer as (P.ITensorProto & { dims: number[] })[];
  for (let k = 1 + rng.int(3); k > 0; k--) {
    const n = nodes.length > 0 ? rng.pick(nodes) : undefined;
    const tensors = nodes.flatMap((x) => x.output);
    switch (rng.int(15)) {
      case 12:
        duplicateName(nodes, inits, rng);
        break;
      case 13:
      case 14:
        misfitWeight(inits, rng);
        break;
      case 0:
      case 1: {
        if (n === undefined) break;
        const name = rng.pick(intAttrs);
        const many = ['strides', 'pads', 'dilations', 'kernel_shape', 'perm'].includes(name);
        const values = Array.from({ length: many ? 1 + rng.int(4) : 1 }, () => rng.pick(interestingInts));
        n.attribute = n.attribute.filter((a) => a.name !== name);
        n.attribute.push(
          pb.AttributeProto.create(
            many
              ? { name, type: AttrType.INTS, ints: values }
              : { name, type: AttrType.INT, i: values[0] ?? 0 },
          ),
        );
        break;
      }
      case 2: {
        const t = inits.length > 0 ? rng.pick(inits) : undefined;
        if (t === undefined) break;
        const i = rng.int(Math.max(1, t.dims.length));
        t.dims[i] = rng.pick(interestingInts);
        break;
      }
      case 3: {
        const t = inits.length > 0 ? rng.pick(inits) : undefined;
        if (t !== undefined) t.dataType = rng.pick([1, 6, 7, 10, 11, 0, 99]);
        break;
      }
      case 4:
        if (n !== undefined) n.name = rng.chance(0.5) ? rng.pick(interestingNames) : rng.pick(nodes).name;
        break;
      case 5:
        // A second writer, or a node that writes what it reads.
        if (n !== undefined && tensors.length > 0)
          n.output[0] = rng.chance(0.5) ? rng.pick(tensors) : (n.input[0] ?? '');
        break;
      case 6:
        if (n !== undefined && n.input.length > 0)
          n.input[rng.int(n.input.length)] = rng.pick([...tensors, 'nowhere', '']);
        break;
      case 7:
        if (n !== undefined) n.opType = rng.pick(opTypes);
        break;
      case 8:
        nodes.splice(rng.int(nodes.length), 1);
        break;
      case 9:
        if (n !== undefined)
          nodes.splice(
            rng.int(nodes.length),
            0,
            pb.NodeProto.decode(pb.NodeProto.encode(n).finish()) as (typeof nodes)[number],
          );
        break;
      case 10: {
        const dim = g.input[0]?.type?.tensorType?.shape?.dim;
        if (dim !== undefined && dim !== null && dim.length > 0)
          dim[rng.int(dim.length)] = pb.TensorShapeProto.Dimension.create({
            dimValue: rng.pick(interestingInts),
          });
        break;
      }
      default: {
        // A run of Concats that each double a constant: folding must stay bounded.
        const c = `fuzz_c0_${rng.int(1000)}`;
        g.initializer.push(pb.TensorProto.create({ name: c, dims: [1], dataType: 7, int64Data: [1] }));
        let last = c;
        const chain: (typeof nodes)[number][] = [];
        for (let i = 0; i < 10 + rng.int(30); i++) {
          const out = `${c}_${i}`;
          chain.push({
            opType: 'Concat',
            input: [last, last],
            output: [out],
            attribute: [{ name: 'axis', type: AttrType.INT, i: 0 }],
          });
          last = out;
        }
        nodes.unshift(...chain);
      }
    }
  }
  return encodeModel(m);
}

/**
 * A name given twice: an attribute a node already sets (another value), or an initializer's name
 * on a second initializer (other dims and values).
 */
function duplicateName(
  nodes: readonly (P.INodeProto & { attribute: P.IAttributeProto[] })[],
  inits: (P.ITensorProto & { dims: number[] })[],
  rng: Rng,
): void {
  const withAttrs = nodes.filter((x) => x.attribute.length > 0);
  if (rng.chance(0.5) && withAttrs.length > 0) {
    const n = rng.pick(withAttrs);
    const a = rng.pick(n.attribute);
    n.attribute.push(pb.AttributeProto.create({ ...a, i: rng.pick(interestingInts) }));
  } else if (inits.length > 0) {
    const t = rng.pick(inits);
    const count = 1 + rng.int(8);
    inits.push(
      pb.TensorProto.create({
        name: t.name,
        dims: [count],
        dataType: 1,
        floatData: Array.from({ length: count }, () => 0.5),
      }),
    );
  }
}

/**
 * A float initializer replaced by one of another size whose dims hold its data (a bias of 3 values
 * on a 4-channel conv): the file decodes, and only the layer it builds can say it does not fit.
 */
function misfitWeight(inits: (P.ITensorProto & { dims: number[] })[], rng: Rng): void {
  const floats = inits.filter((t) => t.dataType === 1 && t.dims.length > 0);
  if (floats.length === 0) return;
  const t = rng.pick(floats);
  const axis = rng.int(t.dims.length);
  const dims: number[] = t.dims.map((d) => Number(d));
  dims[axis] = Math.max(1, (dims[axis] ?? 1) + rng.pick([-1, 1, 2]));
  const count = dims.reduce((a, b) => a * b, 1);
  if (count > 1 << 22) return;
  t.dims = dims;
  t.rawData = new Uint8Array(count * 4);
  t.floatData = [];
  new Float32Array(t.rawData.buffer).fill(0.25);
}

/** Stands in a document for a deeply nested value, whose text is put in after JSON.stringify. */
const DEEP = '\u0000deep\u0000';

/**
 * The text of a JSON value nested `depth` levels deep, objects or lists: written as text, since
 * JSON.stringify itself recurses and would overflow on the very input it is to make.
 */
function deepText(depth: number, rng: Rng): string {
  return rng.chance(0.5)
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const jsonValues: readonly Json[] = [
  ...interestingInts,
  1e15,
  -0.5,
  1.5,
  'x',
  null,
  true,
  [],
  {},
  [3],
  [1e9, 1e9],
];

/** Mutations of a design document: settings, misspelt keys, kinds, labels, nodes and edges, text. */
export function mutateDesign(seed: string, rng: Rng): string {
  const doc = JSON.parse(seed) as { [k: string]: Json } & {
    nodes: { [k: string]: Json }[];
    edges: { [k: string]: Json }[];
  };
  for (let k = 1 + rng.int(3); k > 0; k--) {
    const n = doc.nodes.length > 0 ? rng.pick(doc.nodes) : undefined;
    const params = n?.['params'];
    const keys =
      typeof params === 'object' && params !== null && !Array.isArray(params) ? Object.keys(params) : [];
    switch (rng.int(10)) {
      case 9:
        // Deep nesting in a setting: every reader must bound it before any recursive walk.
        if (n !== undefined)
          n['params'] = {
            ...(typeof params === 'object' && params !== null && !Array.isArray(params) ? params : {}),
            deep: DEEP,
          };
        break;
      case 0:
      case 1:
        if (keys.length > 0 && typeof params === 'object' && params !== null && !Array.isArray(params))
          params[rng.pick(keys)] = rng.pick(jsonValues);
        break;
      case 2:
        if (keys.length > 0 && typeof params === 'object' && params !== null && !Array.isArray(params)) {
          const key = rng.pick(keys);
          const value = params[key] ?? null;
          // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
          delete params[key];
          const i = rng.int(key.length);
          params[key.slice(0, i) + key.slice(i + 1)] = value;
        }
        break;
      case 3:
        if (n !== undefined) n['kind'] = rng.pick(['Conv2d', 'Opaque', 'Fire', 'Nope', 'Input', 'Concat']);
        break;
      case 4:
        if (n !== undefined) n['label'] = rng.pick(interestingNames);
        break;
      case 5:
        doc.nodes.splice(rng.int(doc.nodes.length), 1);
        break;
      case 6:
        if (doc.edges.length > 0) {
          const e = rng.pick(doc.edges);
          e['to'] = {
            node: rng.pick([...doc.nodes.map((x) => x['id'] ?? 'n1'), 'nowhere']),
            port: rng.pick([0, 1, 5, -1]),
          };
        }
        break;
      case 7:
        if (n !== undefined) {
          n['kind'] = 'Opaque';
          n['params'] = {
            opType: 'Foo',
            outputShapes: [[1, rng.pick(interestingInts), rng.pick(interestingInts)]],
          };
        }
        break;
      default:
        if (n !== undefined) doc.nodes.push({ ...n });
    }
  }
  const text = JSON.stringify(doc).replace(
    JSON.stringify(DEEP),
    deepText(rng.pick([70, 500, 4000, 20_000]), rng),
  );
  return rng.chance(0.05) ? text.slice(0, rng.int(text.length)) : text;
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const expanding = readFileSync(join(import.meta.dirname, 'seeds/expanding-link.txt'), 'utf8');

/** Share links: random, cut, altered, of mutated designs, and small ones that expand enormously. */
export function mutateLink(links: readonly string[], designs: readonly string[], rng: Rng): string {
  const link = rng.pick(links);
  const body = link.slice('#design='.length);
  switch (rng.int(6)) {
    case 0:
      return `#design=${Array.from({ length: 1 + rng.int(200) }, () => rng.pick([...Array.from(alphabet), ' ', '%', '='])).join('')}`;
    case 1:
      return `#design=${body.slice(0, rng.int(body.length))}`;
    case 2: {
      const chars = Array.from(body);
      for (let k = 1 + rng.int(4); k > 0; k--) chars[rng.int(chars.length)] = rng.pick(Array.from(alphabet));
      return `#design=${chars.join('')}`;
    }
    case 3:
      return `#design=${compressToEncodedURIComponent(mutateDesign(rng.pick(designs), rng))}`;
    case 4: {
      // 5.7 KB that lz-string expands to 5 million characters (made once: compressing is slow).
      const big = expanding.trim();
      return rng.chance(0.5) ? big : big.slice(0, 8 + rng.int(big.length - 8));
    }
    default:
      return rng.chance(0.2) ? `#design=${'A'.repeat(300_000)}` : link;
  }
}
