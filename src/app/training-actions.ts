import { zipSync, strToU8 } from 'fflate';
import { loadTrained } from '../core/torch/project/load-trained';
import { trainingProject } from '../core/torch/project/project';
import { i18next } from '../i18n';
import { studio } from '../state/store';
import { download, fileNameFor } from '../ui/download';

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/**
 * Downloads the design as a PyTorch training project, one zip of a folder: net.py, train.py,
 * data.py, recipe.json, studio_keys.json, README.md and the design's weights when it has them.
 */
export async function exportTrainingProject(): Promise<void> {
  const { design, notify } = studio.getState();
  notify({ text: i18next.t('actions:training.exporting', { name: design.name }), tone: 'info' });
  await new Promise((resolve) => setTimeout(resolve, 0));
  const result = trainingProject(design);
  if (!result.ok) {
    notify({ text: i18next.t('actions:torch.refused'), tone: 'error', details: result.errors });
    return;
  }
  const folder = fileNameFor(design, '-training');
  const zip = zipSync(
    Object.fromEntries(
      result.files.map((f) => [`${folder}/${f.path}`, typeof f.data === 'string' ? strToU8(f.data) : f.data]),
    ),
    { level: 6 },
  );
  const name = `${folder}.zip`;
  download(new Blob([zip], { type: 'application/zip' }), name);
  notify({
    text: i18next.t('actions:training.exported', { file: name, size: mib(zip.length) }),
    tone: 'info',
    ...(result.notes.length > 0 ? { details: result.notes } : {}),
  });
}

/** Asks for the files of a train.py run: weights.safetensors, and metrics.jsonl beside it if wanted. */
function pickRunFiles(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = '.safetensors,.jsonl';
    input.addEventListener('change', () => {
      resolve([...(input.files ?? [])]);
    });
    input.addEventListener('cancel', () => {
      resolve([]);
    });
    input.click();
  });
}

/**
 * File → Load trained weights: binds a train.py run's weights.safetensors to the design's layers by
 * key and shape (all or nothing) and, with its metrics.jsonl, records the result on the design.
 * One undoable edit; Run then uses these weights and names the file they came from.
 */
export async function loadTrainedWeights(): Promise<void> {
  const files = await pickRunFiles();
  if (files.length === 0) return;
  const { design, notify, applyEdit } = studio.getState();
  const weights = files.find((f) => /\.safetensors$/i.test(f.name));
  const metrics = files.find((f) => /\.jsonl$/i.test(f.name));
  if (weights === undefined) {
    notify({ text: i18next.t('actions:training.noWeights'), tone: 'error' });
    return;
  }
  let bytes: Uint8Array;
  let text: string | undefined;
  try {
    bytes = new Uint8Array(await weights.arrayBuffer());
    text = metrics === undefined ? undefined : await metrics.text();
  } catch {
    notify({ text: i18next.t('app:files.unreadable', { name: weights.name }), tone: 'error' });
    return;
  }
  const r = loadTrained(
    design,
    bytes,
    weights.name,
    text === undefined || metrics === undefined ? undefined : { text, file: metrics.name },
  );
  if (!r.ok) {
    notify({
      text: i18next.t('actions:training.refused', { file: weights.name }),
      tone: 'error',
      details: [r.error],
    });
    return;
  }
  applyEdit(r.design);
  const res = r.result;
  notify({
    text:
      res === undefined
        ? i18next.t('actions:training.loaded', { file: weights.name, count: r.layers })
        : i18next.t('actions:training.loadedResult', {
            file: weights.name,
            count: r.layers,
            data: res.dataset.name,
            split: res.dataset.split,
            top1: (100 * res.top1).toFixed(2),
          }),
    tone: 'info',
  });
}
