import { layoutDesign } from '../../canvas/auto-layout';
import type { Design } from '../../core/design/design-types';
import { i18next } from '../../i18n';
import { sayRefusal } from '../../i18n/say';
import { trainClient } from '../../runtime/train/client';
import type { DatasetSpec } from '../../runtime/train/protocol';
import type { SplitNetRequest } from '../../runtime/train/splitnet-messages';
import { analysisOf } from '../../state/analysis';
import { studio } from '../../state/store';
import { recipeDefaults } from './recipe-defaults';
import { chosenSplitLevels, splitNetRequest, splitRefusal } from './splitnet-choice';
import { setSplitNet, useTrainPanel } from './train-store';

/** The dataset the worker should read, or a sentence saying what is missing. */
function datasetSpec(): DatasetSpec | string {
  const s = useTrainPanel.getState();
  switch (s.dataset) {
    case 'fashion-mnist':
      return { kind: 'fashion-mnist' };
    case 'idx': {
      const { trainImages, trainLabels, testImages, testLabels } = s.idx;
      if (trainImages === undefined || trainLabels === undefined) return i18next.t('train:failure.needIdx');
      return {
        kind: 'idx',
        name: trainImages.name.replace(/[-.]?(train|images|idx\d|ubyte|gz|\.)+$/gi, '') || 'idx',
        trainImages,
        trainLabels,
        ...(testImages !== undefined &&
          testLabels !== undefined && { evalImages: testImages, evalLabels: testLabels }),
      };
    }
    case 'images':
      if (s.images === undefined) return i18next.t('train:failure.needImages');
      return s.images.kind === 'zip'
        ? { kind: 'zip', name: s.images.name, file: s.images.file }
        : { kind: 'folder', name: s.images.name, files: s.images.files };
  }
}

/** Starts training the current design with the Train tab's choices (one run at a time). */
export function startTraining(): void {
  const state = studio.getState();
  if (
    state.train.status === 'running' ||
    state.train.status === 'paused' ||
    state.train.status === 'stopping'
  )
    return;
  const design = state.design;
  const analysis = analysisOf(design);
  const refuse = (refusal: string) => {
    useTrainPanel.setState({ refusal });
  };
  if (analysis.diagnostics.some((d) => d.severity === 'error')) {
    refuse(i18next.t('train:failure.invalid'));
    return;
  }
  if (analysis.layers.find((l) => l.op === 'Input')?.outputShapes[0]?.length !== 4) {
    refuse(i18next.t('train:failure.noInput'));
    return;
  }
  const dataset = datasetSpec();
  if (typeof dataset === 'string') {
    refuse(dataset);
    return;
  }
  const {
    recipe: chosen,
    recipeEdited,
    scope,
    learnShifts,
    shiftLambda,
    splitNet,
  } = useTrainPanel.getState();
  const shifts = learnShifts && design.nodes.some((n) => n.kind === 'SparseShift');
  const split = splitNet.on ? splitNetPart(design) : undefined;
  if (typeof split === 'string') {
    refuse(split);
    return;
  }
  const recipe = recipeEdited ? chosen : recipeDefaults(useTrainPanel.getState().dataset, design);
  useTrainPanel.setState({ refusal: undefined });
  state.trainStarted();
  trainClient().start(
    {
      type: 'start',
      design,
      dataset,
      recipe,
      scope: design.weights === undefined ? 'all' : scope,
      ...(shifts && { learnShifts: { lambda: shiftLambda } }),
      ...(split !== undefined && { splitNet: split }),
    },
    (event) => {
      if (event.type !== 'done' || event.split === undefined) {
        studio.getState().trainEvent(event);
        return;
      }
      // The split design is laid out as the Cost tab lays out its tree, then becomes the design's.
      const outcome = event.split;
      void layoutDesign(outcome.design).then((laidOut) => {
        studio.getState().trainEvent({ ...event, split: { ...outcome, design: laidOut } });
        // Its split points are inside the tree now: the section starts again from its default.
        setSplitNet({ on: false, levels: undefined });
        studio.getState().requestFit();
      });
    },
  );
}

/** The start message's SplitNet part for `design`, or the sentence saying why it cannot be asked for. */
function splitNetPart(design: Design): SplitNetRequest | string {
  const choice = useTrainPanel.getState().splitNet;
  const levels = chosenSplitLevels(choice, design, analysisOf(design));
  if (levels === undefined) return i18next.t('train:splitNet.none');
  const refusal = splitRefusal(design, levels);
  if (refusal !== undefined) return sayRefusal(refusal);
  const request = splitNetRequest(choice, levels);
  return typeof request === 'string' ? i18next.t('train:splitNet.bad', { problem: request }) : request;
}

export function pauseTraining(): void {
  trainClient().send({ type: 'pause' });
}

export function resumeTraining(): void {
  trainClient().send({ type: 'resume' });
}

export function stopTraining(): void {
  studio.getState().trainStatus('stopping');
  trainClient().send({ type: 'stop' });
}

/**
 * The last Linear layer of the design when it is a node of its own (not inside a block): the head a
 * dataset with more classes can widen.
 */
export function headNode(): { id: string; outputs: number } | undefined {
  const design = studio.getState().design;
  const last = analysisOf(design).layers.findLast((l) => l.op === 'Linear');
  if (last === undefined || last.key !== last.nodeId) return undefined;
  const node = design.nodes.find((n) => n.id === last.nodeId);
  if (node?.kind !== 'Linear') return undefined;
  return { id: node.id, outputs: node.params.outFeatures };
}

/** Widens (or narrows) the head to one output per class: an ordinary, undoable edit of outFeatures. */
export function resizeHead(classes: number): void {
  const head = headNode();
  if (head === undefined) return;
  studio.getState().setParams(head.id, { outFeatures: classes });
}
