import { strToU8, zipSync } from 'fflate';
import { exportTorch } from '../core/torch/torch-export';
import { i18next } from '../i18n';
import { studio } from '../state/store';
import { download, fileNameFor } from '../ui/download';

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/**
 * Downloads the design as PyTorch code; with its weights (an imported model), one .zip holding the
 * code and the .safetensors side by side: browsers block a second automatic download. The file
 * name is a Python module name, so the file can be imported as well as run. A design with errors,
 * or an op PyTorch has no form for, is refused with the reasons.
 */
export async function exportTorchFile(): Promise<void> {
  const { design, notify } = studio.getState();
  notify({ text: i18next.t('actions:torch.exporting', { name: design.name }), tone: 'info' });
  // Let the notice paint before the synchronous export (weights can take a second).
  await new Promise((resolve) => setTimeout(resolve, 0));
  const stem = fileNameFor(design, '')
    .replace(/[^a-z0-9_]/g, '_')
    .replace(/^[0-9]/, (digit) => `net_${digit}`);
  const result = exportTorch(design, { weightsFile: `${stem}.safetensors` });
  if (!result.ok) {
    notify({
      text: i18next.t('actions:torch.refused'),
      tone: 'error',
      details: result.errors,
    });
    return;
  }
  if (result.weights === undefined)
    download(new Blob([result.source], { type: 'text/x-python' }), `${stem}.py`);
  else {
    // Weights are float noise to a compressor: stored as they are, the code compressed.
    const zip = zipSync({
      [`${stem}.py`]: [strToU8(result.source), { level: 6 }],
      [`${stem}.safetensors`]: [result.weights, { level: 0 }],
    });
    download(new Blob([zip], { type: 'application/zip' }), `${stem}.zip`);
  }
  notify({
    text:
      result.weights === undefined
        ? i18next.t('actions:torch.exported', { file: `${stem}.py` })
        : i18next.t('actions:torch.exportedWeights', {
            zip: `${stem}.zip`,
            file: `${stem}.py`,
            weights: `${stem}.safetensors`,
            size: mib(result.weights.length),
          }),
    tone: 'info',
    ...(result.notes.length > 0 ? { details: result.notes } : {}),
  });
}
