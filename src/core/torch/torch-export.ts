import { citationText } from '../citation';
import { analyze } from '../analysis/analyze';
import type { Analysis } from '../analysis/analysis-types';
import { anyBlockDef, blockDef, isBlockKind, type BlockKind, anyOpDef, type OpKind } from '../kinds';
import { resolveNode } from '../design/params';
import type { Design, DesignNode } from '../design/design-types';
import { freshNote, layerWeight, weightSource, weightSpecs } from '../onnx/layer-weights';
import { describeStochasticDepth, stochasticDepthView } from '../methods/stochastic-depth-method';
import { formatShape, type Shape } from '../shape';
import { argumentNames, forwardBody, type Step } from './forward';
import { flattenStages } from '../design/stage-edit';
import type { HelperName } from './helpers';
import { helperDefinitions } from './helpers';
import {
  chainAttributes,
  chains,
  commentLine,
  modulePaths,
  renderTree,
  wiring,
  type Attribute,
  type ModuleNode,
  type Port,
} from './torch-layout';
import { buildSource, loaderSource } from './loader';
import { className, identifier, indent, NameScope, py } from './python';
import { encodeSafetensors, type NamedTensor } from './safetensors';
import type { BlockTorch, OpTorch } from './torch-types';

export interface TorchExportOptions {
  /** Seed of the He initialisation of weights the design does not carry, as the ONNX export's; 0 by default. */
  readonly seed?: number;
  /** Write the weights (.safetensors); by default when the design carries imported weights or has a sparse or lookup layer. */
  readonly weights?: boolean;
  /** The name of the .safetensors file beside the .py, which build_model() loads. */
  readonly weightsFile?: string;
}

export type TorchExportResult =
  | {
      readonly ok: true;
      /** The Python file. */
      readonly source: string;
      /** The state dict as safetensors, when weights are written. */
      readonly weights: Uint8Array | undefined;
      readonly notes: readonly string[];
      /** Every weight of the state dict with the studio's layer key and role it holds (docs/weights.md). */
      readonly tensors: readonly TorchTensor[];
    }
  | { readonly ok: false; readonly errors: readonly string[] };

/** One weight of the written module: its state-dict name and the design's layer key and role. */
export interface TorchTensor {
  /** The state dict's name ("features.3.conv.0.weight"). */
  readonly name: string;
  /** The layer's stable key (docs/weights.md) and the weight's role, as design.weights holds them. */
  readonly key: string;
  readonly role: string;
  readonly shape: readonly number[];
  /** A sparse or lookup layer's weight: its zeros are the method's structure, kept in training. */
  readonly sparse: boolean;
}

/** The op's PyTorch form and the block's class, as their definitions give them. */
const opForm = (kind: OpKind): OpTorch<object> => anyOpDef(kind).pytorch;
const blockForm = (kind: BlockKind): BlockTorch<object> => anyBlockDef(kind).pytorch;
const paramsOf = (n: DesignNode): object => {
  const parsed = resolveNode(n).parsed;
  return parsed?.success === true ? parsed.data : n.params;
};

/** Why the design cannot be written, one sentence per problem; empty when it can. */
function refusals(design: Design, analysis: Analysis): string[] {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  const label = (id: string | undefined): string => {
    const n = design.nodes.find((x) => x.id === id);
    return n === undefined ? '' : ` node "${n.label}" (${n.id})`;
  };
  if (errors.length > 0) return errors.map((d) => `${d.code}${label(d.nodeId)}: ${d.message}`);
  const out: string[] = [];
  for (const n of design.nodes)
    if (!isBlockKind(n.kind)) {
      const form = opForm(n.kind);
      if (form.form === 'none')
        out.push(`Node "${n.label}" (${n.id}) cannot be written as PyTorch: ${form.why(paramsOf(n))}.`);
    }
  if (!design.nodes.some((n) => n.kind === 'Input')) out.push('The design has no Input node.');
  if (!design.nodes.some((n) => n.kind === 'Output')) out.push('The design has no Output node.');
  return out;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** The design as one self-contained PyTorch file, and its weights when it has (or is asked for) them. */
export function exportTorch(staged: Design, options: TorchExportOptions = {}): TorchExportResult {
  // PyTorch code nests modules by name: a stage is written as its units (nn.Sequential by name).
  const design = flattenStages(staged);
  const analysis = analyze(design);
  const refused = refusals(design, analysis);
  if (refused.length > 0) return { ok: false, errors: refused };

  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const order = analysis.order.map((id) => byId.get(id) as DesignNode);
  const shapesOf = (n: DesignNode): Shape[] =>
    (analysis.nodes.get(n.id)?.inputShapes ?? []).map((s) => s ?? []);
  const w = wiring(analysis);

  // Every node that is a module in __init__, with its constructor call.
  const helpers = new Set<HelperName>();
  const blockKinds = new Map<BlockKind, number>();
  const notes = new Set<string>();
  const modules = new Map<string, ModuleNode>();
  for (const n of order) {
    if (isBlockKind(n.kind)) {
      const b = blockForm(n.kind);
      modules.set(n.id, { node: n, expr: b.construct(paramsOf(n), shapesOf(n)) });
      for (const k of [n.kind, ...(b.uses?.(paramsOf(n)) ?? [])]) {
        if (!isBlockKind(k)) continue;
        blockKinds.set(k, (blockKinds.get(k) ?? 0) + 1);
        const used = blockForm(k);
        for (const h of used.helpers) helpers.add(h);
        if (used.note !== undefined) notes.add(used.note);
      }
      continue;
    }
    const form = opForm(n.kind);
    if (form.form !== 'module') continue;
    const comment = form.comment?.(paramsOf(n), shapesOf(n));
    modules.set(n.id, {
      node: n,
      expr: form.module(paramsOf(n), shapesOf(n)),
      ...(comment === undefined ? {} : { comment }),
    });
    for (const h of form.helpers ?? []) helpers.add(h);
    if (form.note !== undefined) notes.add(form.note);
  }

  // Attributes: chains as nn.Sequential, other modules alone.
  const scope = new NameScope('module');
  const attributes: Attribute[] = [];
  const attributesFrom = new Map<string, Attribute[]>();
  const isKind = (p: Port | undefined, kind: OpKind): boolean => byId.get(p?.node ?? '')?.kind === kind;
  const chained = new Set<string>();
  for (const chain of chains(order, modules, w)) {
    const first = chain[0] as DesignNode;
    const last = chain[chain.length - 1] as DesignNode;
    const attrs = chainAttributes(
      chain.map((n) => modules.get(n.id) as ModuleNode),
      scope,
      {
        first: isKind(w.sources.get(first.id)?.[0], 'Input'),
        last: (w.readers.get(`${last.id}:0`) ?? []).some((p) => isKind(p, 'Output')),
      },
    );
    attributes.push(...attrs);
    attributesFrom.set(first.id, attrs);
    for (const n of chain) chained.add(n.id);
  }
  for (const n of order) {
    const m = modules.get(n.id);
    if (m === undefined || chained.has(n.id)) continue;
    const a: Attribute = {
      name: scope.claim(identifier(n.label)),
      tree: { kind: 'leaf', unit: m },
      nodes: [n],
    };
    attributes.push(a);
    attributesFrom.set(n.id, [a]);
  }
  const paths = new Map<string, string>();
  for (const a of attributes) modulePaths(a, paths);

  // forward: steps in topological order.
  const inputs = order.filter((n) => n.kind === 'Input');
  const outputs = analysis.layers
    .filter((l) => l.op === 'Output')
    .map((l) => byId.get(l.nodeId) as DesignNode);
  const argNames = argumentNames(inputs);
  const steps: Step[] = [];
  const outPorts = (n: DesignNode): Port[] =>
    Array.from({ length: w.counts.get(n.id)?.outputs ?? 0 }, (_, port) => ({ node: n.id, port }));
  for (const n of order) {
    const attrs = attributesFrom.get(n.id);
    if (attrs !== undefined) {
      for (const a of attrs) {
        const first = a.nodes[0] as DesignNode;
        const last = a.nodes[a.nodes.length - 1] as DesignNode;
        steps.push({
          reads: w.sources.get(first.id) ?? [],
          writes: outPorts(last),
          hint: a.name,
          expr: (args) => `self.${a.name}(${args.join(', ')})`,
        });
      }
      continue;
    }
    if (isBlockKind(n.kind)) continue;
    const form = opForm(n.kind);
    if (form.form !== 'call') continue;
    const shapes = shapesOf(n);
    steps.push({
      reads: w.sources.get(n.id) ?? [],
      writes: outPorts(n),
      hint: n.label,
      expr: (args) => form.call(paramsOf(n), args, shapes),
    });
  }
  const body = forwardBody(
    inputs.map((n, i) => ({ port: { node: n.id, port: 0 }, name: argNames[i] ?? 'x' })),
    steps,
    outputs.map((n) => w.sources.get(n.id)?.[0]),
    w,
  );

  // Classes: helpers, one per block kind used, then the network.
  const classNames = new Set<string>([...blockKinds.keys()].map((k) => blockForm(k).className));
  for (const h of helpers) classNames.add(h);
  let modelClass = className(design.name);
  while (classNames.has(modelClass)) modelClass += 'Net';
  for (const k of blockKinds.keys()) for (const h of blockForm(k).helpers) helpers.add(h);
  const classes = [
    ...helperDefinitions(helpers),
    ...[...blockKinds.keys()].map((k) => blockForm(k).source).filter((s) => s !== ''),
  ];
  const init = attributes
    .map(
      (a) =>
        `${a.tree.kind === 'leaf' ? commentLine(a.tree.unit) : ''}self.${a.name} = ${renderTree(a.tree)}`,
    )
    .join('\n');
  const model = `class ${modelClass}(nn.Module):
    """${design.name === '' ? 'The design' : design.name.replace(/"""/g, "'''")}, as Compact Studio lays it out."""

    def __init__(self):
        super().__init__()
${indent(init, 2)}

    def forward(self, ${argNames.join(', ')}):
${indent(body.join('\n'), 2)}`;

  // Weights: the ONNX export's, under the module paths above.
  // A sparse layer's zeros (and an LCNN layer's lookup pattern) live in its weight, so a design
  // with one writes its weights too.
  const sparse = analysis.layers.some((l) =>
    weightSpecs(l).some((s) => (s.density ?? 1) < 1 || s.lookups !== undefined),
  );
  const withWeights = options.weights ?? (design.weights !== undefined || sparse);
  const weightNotes: string[] = [];
  const layout: { tensor: TorchTensor; layer: Analysis['layers'][number] }[] = [];
  for (const layer of analysis.layers) {
    const specs = weightSpecs(layer);
    if (specs.length === 0) continue;
    const top = byId.get(layer.nodeId) as DesignNode;
    let path = paths.get(top.id) ?? '';
    if (isBlockKind(top.kind))
      path += `.${blockForm(top.kind).modulePath(layer.name.slice(top.label.length + 1), paramsOf(top), shapesOf(top))}`;
    for (const s of specs)
      layout.push({
        layer,
        tensor: {
          name: `${path}.${s.role}`,
          key: layer.key,
          role: s.role,
          shape: s.dims,
          sparse: (s.density ?? 1) < 1 || s.lookups !== undefined,
        },
      });
  }
  let weights: Uint8Array | undefined;
  if (withWeights) {
    const source = weightSource(design, options.seed ?? 0, weightNotes);
    const tensors: NamedTensor[] = layout.map(({ layer, tensor }) => ({
      name: tensor.name,
      shape: tensor.shape,
      data: layerWeight(source, layer, tensor.role),
    }));
    const fresh = freshNote(design, source);
    if (fresh !== undefined) weightNotes.push(fresh);
    weights = encodeSafetensors(tensors, { design: design.name });
  }
  const weightsFile = withWeights
    ? (options.weightsFile ?? `${identifier(design.name, 'model').toLowerCase()}.safetensors`)
    : undefined;

  // Stochastic depth is training-time only: the header says the convention (as the ONNX metadata
  // does) and SURVIVAL gives each residual block's p_l by its module path, for a training loop.
  const sd =
    design.stochasticDepth === undefined ? undefined : stochasticDepthView(analysis, design.stochasticDepth);
  if (sd !== undefined)
    notes.add(
      `Stochastic depth (Huang et al. 2016), not applied by forward(): ${describeStochasticDepth(sd)}. SURVIVAL maps each residual block's module to its p_l.`,
    );
  const survival =
    sd === undefined
      ? ''
      : `\nSURVIVAL = {${sd.blocks.map((b) => `${py(paths.get(b.nodeId) ?? b.label)}: ${py(Math.round(b.survival * 1e6) / 1e6)}`).join(', ')}}`;

  const header = headerText(design, analysis, {
    inputs: inputs.map((n) => analysis.nodes.get(n.id)?.outputShapes?.[0] ?? []),
    outputs: outputs.map((n) => analysis.nodes.get(n.id)?.inputShapes[0] ?? []),
    blocks: blockKinds,
    weightsFile,
    imported: design.weights !== undefined,
    seed: options.seed ?? 0,
    notes: [...notes],
  });
  const inputShapes = inputs.map((n) => analysis.nodes.get(n.id)?.outputShapes?.[0] ?? []);
  const shapeLine =
    inputShapes.length === 1
      ? `INPUT_SHAPE = ${py(inputShapes[0] ?? [])}`
      : `INPUT_SHAPES = ${py(inputShapes.map((s) => [...s]))}`;
  const text = [...classes, model].join('\n\n\n');
  const imports = [
    'import json',
    ...(/\bmath\./.test(text) ? ['import math'] : []),
    'import os',
    'import struct',
    ...(/\bOrderedDict\(/.test(text) ? ['from collections import OrderedDict'] : []),
    '',
    'import torch',
    ...(/\bF\./.test(text) ? ['import torch.nn.functional as F'] : []),
    'from torch import nn',
  ];
  const source = [
    header,
    imports.join('\n'),
    `${shapeLine}\nWEIGHTS = ${py(weightsFile ?? null)}${survival}`,
    loaderSource,
    text,
    buildSource(modelClass, inputShapes.length > 1),
  ].join('\n\n\n');
  return {
    ok: true,
    source: `${source}\n`,
    weights,
    notes: weightNotes,
    tensors: layout.map((l) => l.tensor),
  };
}

/** Splits a sentence into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/**
 * The parameters PyTorch counts in the written module: each layer's as-exported params, but the
 * effective ones where its module stores what the method stores (versatile filters' primaries).
 */
export function torchParams(analysis: Analysis): number {
  let n = 0;
  for (const l of analysis.layers) {
    const form = anyOpDef(l.op).pytorch;
    n +=
      form.form === 'module' && form.parameters === 'effective' && l.effective !== undefined
        ? l.effective.params
        : l.cost.params;
  }
  return n;
}

interface HeaderFacts {
  readonly inputs: readonly Shape[];
  readonly outputs: readonly Shape[];
  readonly blocks: ReadonlyMap<BlockKind, number>;
  readonly weightsFile: string | undefined;
  readonly imported: boolean;
  readonly seed: number;
  readonly notes: readonly string[];
}

function headerText(design: Design, analysis: Analysis, f: HeaderFacts): string {
  const t = analysis.totals;
  const shapes = (s: readonly Shape[]): string => s.map(formatShape).join(', ');
  const rows: [string, number, string][] = [
    ['params', torchParams(analysis), 'trainable, as sum(p.numel() for p in model.parameters()) counts them'],
    ['buffers', t.buffers, 'batch-norm running mean and variance'],
    ['multiply-adds', t.multiplyAdds, 'conv and linear layers only; FLOPs = 2 × multiply-adds'],
    ['memory access', t.memoryAccessConvFc, "ShuffleNetV2's MAC: conv and linear input + output + weights"],
    ['activations', analysis.activations.peak, 'peak of live tensors when the layers run in order'],
  ];
  const width = Math.max(...rows.map((r) => fmt(r[1]).length));
  const blocks = [...f.blocks].map(
    ([k, n]) => `${blockDef(k).title} ×${n} (${citationText(blockDef(k).paper)})`,
  );
  const weights =
    f.weightsFile === undefined
      ? "Weights: PyTorch's default initialisation (the design carries none); build_model(weights=...) loads a .safetensors state dict."
      : `Weights: ${f.imported ? 'the imported model’s' : `He-initialised with seed ${f.seed}, as the ONNX export's`}, in ${f.weightsFile} beside this file, loaded by build_model().`;
  const lines = [
    `${design.name === '' ? 'A design' : design.name}: PyTorch code written by Compact Studio.`,
    '',
    `Input ${shapes(f.inputs)} (${f.inputs.length === 1 ? 'INPUT_SHAPE' : 'INPUT_SHAPES'}), output ${shapes(f.outputs)}.`,
    'Figures of the design at batch 1, in elements (× 4 for float32 bytes):',
    ...rows.map(([name, v, what]) => `    ${name.padEnd(14)} ${fmt(v).padStart(width)}  ${what}`),
    ...(blocks.length > 0 ? ['', `Blocks: ${blocks.join('; ')}.`] : []),
    '',
    'Conventions: NCHW float32. build_model() returns the network in eval mode (batch norm uses its',
    'running statistics, dropout is the identity); call .train() to train it. Module names follow the',
    "design's labels, so the state dict's keys do too.",
    ...[weights, ...f.notes].flatMap((text) => wrap(text, 100)),
  ];
  return `"""${lines.join('\n').replace(/"""/g, "'''")}\n"""`;
}
