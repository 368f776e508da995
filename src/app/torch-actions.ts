import { exportTorch } from '../core/torch/export';
import { studio } from '../state/store';
import { download, fileNameFor } from '../ui/download';

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/**
 * Downloads the design as PyTorch code, and its weights as .safetensors when it has them (an
 * imported model). The file name is a Python module name, so the file can be imported as well as
 * run. A design with errors, or an op PyTorch has no form for, is refused with the reasons.
 */
export async function exportTorchFile(): Promise<void> {
  const { design, notify } = studio.getState();
  notify({ text: `Exporting ${design.name} to PyTorch…`, tone: 'info' });
  // Let the notice paint before the synchronous export (weights can take a second).
  await new Promise((resolve) => setTimeout(resolve, 0));
  const stem = fileNameFor(design, '')
    .replace(/[^a-z0-9_]/g, '_')
    .replace(/^([0-9])/, 'net_$1');
  const result = exportTorch(design, { weightsFile: `${stem}.safetensors` });
  if (!result.ok) {
    notify({
      text: 'This design cannot be written as PyTorch: see why below.',
      tone: 'error',
      details: result.errors,
    });
    return;
  }
  download(new Blob([result.source], { type: 'text/x-python' }), `${stem}.py`);
  if (result.weights !== undefined)
    download(
      new Blob([result.weights as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
      `${stem}.safetensors`,
    );
  notify({
    text:
      result.weights === undefined
        ? `Exported ${stem}.py: build_model() returns the network, ready to train.`
        : `Exported ${stem}.py and ${stem}.safetensors (${mib(result.weights.length)}): keep them side by side; build_model() loads the weights.`,
    tone: 'info',
    ...(result.notes.length > 0 ? { details: result.notes } : {}),
  });
}
