import type { Design } from '../core/design/design-types';
import { fitWeights } from '../core/onnx/onnx-weights';
import { analysisOf } from './analysis';
import { continuesEdit, historyOf, recordEdit, stepBase } from './history';

/**
 * Every edit keeps imported weights by layer identity and drops those of layers whose shape it
 * changed (or that it removed), and only those; undo brings back the design they belonged to.
 */
export const fitted = (design: Design): Design =>
  design.weights === undefined ? design : fitWeights(design, analysisOf(design));

/**
 * Commits an edit that may continue the previous one as one undo step (typing "128" is one change).
 * The step's weights are fitted from the design before it began: "64" typed through "6" keeps
 * the weights that fit 64.
 */
export function commitStep(
  api: object,
  set: (s: { design: Design }) => void,
  key: string,
  current: Design,
  edited: Design,
): void {
  const continuing = continuesEdit(api, key, current);
  const base = continuing ? (stepBase(api) ?? current) : current;
  const next = fitted(
    base.weights === undefined || base.weights === edited.weights
      ? edited
      : { ...edited, weights: base.weights },
  );
  if (continuing) {
    historyOf(api).getState().pause();
    set({ design: next });
    historyOf(api).getState().resume();
  } else {
    set({ design: next });
  }
  recordEdit(api, key, next, base);
}
