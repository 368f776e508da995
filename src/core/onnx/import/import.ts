import { analyze } from '../../analysis/analyze';
import type { Analysis } from '../../analysis/analysis-types';
import { checkDesign } from '../../document/format';
import type { Design } from '../../design/design-types';
import { quote } from '../../quote';
import { IrError } from '../ir/graph';
import { infer } from '../ir/infer';
import { readModel } from '../ir/read';
import { META } from '../version';
import { weightNeeds } from '../onnx-weights';
import { valueCount, weightSpecs } from '../layer-weights';
import { recogniseBlocks } from './blocks';
import { ImportError } from './import-context';
import { buildDesign } from './design';
import { mapGraph } from './map';

export interface ImportOptions {
  /** Recognise compact blocks (default true); false keeps every primitive at the top level. */
  readonly blocks?: boolean;
  /**
   * The design's name: the file's name without its extension. Our own exports store the design's
   * name in the model's metadata, which wins; a graph name is used only without either (torch
   * names every graph "torch_jit", which says nothing about the model).
   */
  readonly name?: string;
  /** Where the weights come from, as the design will say (the file's name); the design's name by default. */
  readonly source?: string;
  /** ProblemMessage as each stage starts, for a progress line: what is being done, and the share done (0–1). */
  readonly onProgress?: (stage: ImportStage, done: number) => void;
}

/** The stages of an import, in order; a progress line names them in the UI's language. */
export type ImportStage = 'reading' | 'inferring' | 'mapping' | 'recognising' | 'building';

export type ImportResult =
  | {
      readonly ok: true;
      readonly design: Design;
      readonly notes: readonly string[];
      /**
       * Why the design would not pass `validate` (its first error), when it would not: the CLI
       * refuses such a model; the app opens it with its diagnostics shown.
       */
      readonly invalid?: string;
    }
  | { readonly ok: false; readonly error: string };

/**
 * The first reason the design fails the document's checks or the analysis, if any. The weights'
 * text is the import's own base64 of the file's floats: only which layers and roles hold weights is
 * checked again, not megabytes of text against the document's pattern.
 */
export function firstProblem(design: Design, analysis?: Analysis): string | undefined {
  const doc = checkDesign(design);
  if (doc !== undefined) return doc;
  const a = analysis ?? analyze(design);
  const errors = a.diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (first === undefined) return undefined;
  const node = design.nodes.find((n) => n.id === first.nodeId);
  const where = node === undefined ? '' : ` at ${quote(node.label)}`;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `the design it makes is not valid: ${first.code}${where}: ${first.message}${more}`;
}

/**
 * The first weight of the file that does not fit the layer it was read into (a 3-value bias on a
 * 4-channel conv), said with the layer's name; undefined when every one fits. A weight kept that
 * does not fit would be replaced at export, and the file's values silently lost.
 */
export function weightMisfit(design: Design, analysis: Analysis): string | undefined {
  if (everyWeightFits(design, analysis)) return undefined;
  const byKey = new Map(analysis.layers.map((l) => [l.key, l]));
  for (const [key, stored] of Object.entries(design.weights?.layers ?? {})) {
    const layer = byKey.get(key);
    if (layer === undefined) continue;
    const needs = weightNeeds(layer);
    for (const [role, values] of Object.entries(stored)) {
      const need = needs.get(role);
      const held = values.length;
      if (need === undefined)
        return `layer ${quote(layer.name)} (${layer.op}) has no weight ${quote(role)}, but the file gives it one`;
      if (held !== need)
        return `layer ${quote(layer.name)} (${layer.op}): its ${role} holds ${held.toLocaleString('en-US')} values, but the layer needs ${need.toLocaleString('en-US')}`;
    }
  }
  return undefined;
}

/**
 * True when no stored weight misfits any layer of its key: one pass over the layers, with no map
 * of 150,000 layers or their needs built. False sends `weightMisfit` the long way, to find which.
 */
function everyWeightFits(design: Design, analysis: Analysis): boolean {
  const stored = design.weights?.layers;
  if (stored === undefined) return true;
  for (const layer of analysis.layers) {
    const roles = Object.hasOwn(stored, layer.key) ? stored[layer.key] : undefined;
    if (roles === undefined) continue;
    const specs = weightSpecs(layer);
    for (const role of Object.keys(roles)) {
      // The last spec of the role, as a map of the specs would keep.
      let need: number | undefined;
      for (const s of specs) if (s.role === role) need = valueCount(s.dims);
      if (need !== roles[role]?.length) return false;
    }
  }
  return true;
}

/** An ONNX file as an editable design: primitives, then blocks, weights kept. Never throws. */
export function importModel(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const progress = options.onProgress ?? (() => undefined);
  progress('reading', 0);
  const read = readModel(bytes);
  if (!read.ok) return read;
  const graph = read.graph;
  try {
    progress('inferring', 0.15);
    const inferred = infer(graph);
    progress('mapping', 0.3);
    const ctx = mapGraph(graph, inferred);
    progress('recognising', 0.45);
    const units =
      options.blocks === false
        ? ctx.prims.map((prim) => ({ kind: 'prim' as const, prim }))
        : recogniseBlocks(ctx.prims, (t) => inferred.shapes.get(t));
    const name =
      graph.metadata.get(META.design) ?? options.name ?? (graph.name !== '' ? graph.name : 'imported model');
    progress('building', 0.9);
    const design = buildDesign(name, units, options.source ?? name);
    const analysis = analyze(design);
    const misfit = weightMisfit(design, analysis);
    if (misfit !== undefined) return { ok: false, error: misfit };
    const invalid = firstProblem(design, analysis);
    return {
      ok: true,
      design,
      notes: [...graph.notes, ...ctx.notes],
      ...(invalid === undefined ? {} : { invalid }),
    };
  } catch (e) {
    if (e instanceof ImportError || e instanceof IrError) return { ok: false, error: e.message };
    // A failure nobody foresaw: said in words, without the engine's text (which names no node).
    return {
      ok: false,
      error: `the model could not be read: an unexpected failure while mapping it; please report it with the file`,
    };
  }
}
