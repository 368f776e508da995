import type { Design } from '../src/core/design/design-types';
import { exportDesign, type ExportOptions } from '../src/core/onnx/export/onnx-export';
import { importModel } from '../src/core/onnx/import/import';

/** The design's ONNX bytes; an export that fails fails the test with its errors. */
export function exportBytes(design: Design, options: ExportOptions = {}): Uint8Array {
  const r = exportDesign(design, options);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.bytes;
}

/** The design an ONNX file imports as; an import that fails fails the test with its reason. */
export function importDesign(bytes: Uint8Array, options: { readonly blocks?: boolean } = {}): Design {
  const r = importModel(bytes, options);
  if (!r.ok) throw new Error(r.error);
  return r.design;
}
