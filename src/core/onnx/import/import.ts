import type { Design } from '../../graph/types';
import { infer } from '../ir/infer';
import { readModel } from '../ir/read';
import { META } from '../version';
import { recogniseBlocks } from './blocks';
import { ImportError } from './context';
import { buildDesign } from './design';
import { mapGraph } from './map';

export interface ImportOptions {
  /** Recognise compact blocks (default true); false keeps every primitive at the top level. */
  readonly blocks?: boolean;
  /** The design's name when the file gives none. */
  readonly name?: string;
  /** Where the weights come from, as the design will say (the file's name); the design's name by default. */
  readonly source?: string;
}

export type ImportResult =
  | { readonly ok: true; readonly design: Design; readonly notes: readonly string[] }
  | { readonly ok: false; readonly error: string };

/** An ONNX file as an editable design: primitives, then blocks, weights kept. Never throws. */
export function importModel(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const read = readModel(bytes);
  if (!read.ok) return read;
  const graph = read.graph;
  try {
    const inferred = infer(graph);
    const ctx = mapGraph(graph, inferred);
    const units =
      options.blocks === false
        ? ctx.prims.map((prim) => ({ kind: 'prim' as const, prim }))
        : recogniseBlocks(ctx.prims, (t) => inferred.shapes.get(t));
    const name =
      graph.metadata.get(META.design) ??
      (graph.name !== '' ? graph.name : (options.name ?? 'imported model'));
    return {
      ok: true,
      design: buildDesign(name, units, options.source ?? name),
      notes: [...graph.notes, ...ctx.notes],
    };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, error: e.message };
    return { ok: false, error: `the model could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}
