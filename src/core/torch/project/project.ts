import { analyze } from '../../analysis/analyze';
import { designHash } from '../../document/design-hash';
import type { Design } from '../../design/design-types';
import { exportTorch, type TorchTensor } from '../torch-export';
import { dataPy } from './data-py';
import { readmeText } from './readme';
import { defaultRecipe } from './project-recipe';
import { recipeRule } from '../../train/train-recipe';
import { trainPy } from './train-py';

/** One file of a training project, by its path inside the project's folder. */
export interface ProjectFile {
  readonly path: string;
  readonly data: string | Uint8Array;
}

export type TrainingProjectResult =
  | { readonly ok: true; readonly files: readonly ProjectFile[]; readonly notes: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** studio_keys.json: the design's identity and which state-dict entry is which layer key and role. */
export interface StudioKeys {
  readonly design: string;
  readonly designHash: string;
  readonly inputs: readonly (readonly number[])[];
  readonly tensors: readonly TorchTensor[];
}

/**
 * The design as a PyTorch training project: net.py (the PyTorch export), train.py, data.py,
 * recipe.json, studio_keys.json, README.md, and net.safetensors when the design carries weights
 * (training then starts from them). train.py and data.py are the same for every design; the
 * design lives in net.py and the two JSON files.
 */
export function trainingProject(
  design: Design,
  options: { readonly seed?: number } = {},
): TrainingProjectResult {
  const torch = exportTorch(design, { weightsFile: 'net.safetensors', ...options });
  if (!torch.ok) return torch;
  const analysis = analyze(design);
  const inputs = analysis.layers.filter((l) => l.op === 'Input').map((l) => [...(l.outputShapes[0] ?? [])]);
  const classes = analysis.layers.filter((l) => l.op === 'Output').map((l) => l.inputShapes[0]?.[1] ?? 0);
  const recipe = defaultRecipe(inputs[0] ?? [], classes[0] ?? 0, options.seed ?? 0, recipeRule(design));
  const keys: StudioKeys = {
    design: design.name,
    designHash: designHash(design),
    inputs,
    tensors: torch.tensors,
  };
  const files: ProjectFile[] = [
    { path: 'net.py', data: torch.source },
    { path: 'train.py', data: trainPy },
    { path: 'data.py', data: dataPy },
    { path: 'recipe.json', data: `${JSON.stringify(recipe, null, 2)}\n` },
    { path: 'studio_keys.json', data: `${JSON.stringify(keys, null, 1)}\n` },
    {
      path: 'README.md',
      data: readmeText({
        name: design.name,
        input: inputs[0] ?? [],
        classes,
        weights: torch.weights !== undefined,
        recipe,
      }),
    },
    ...(torch.weights === undefined ? [] : [{ path: 'net.safetensors', data: torch.weights }]),
  ];
  return { ok: true, files, notes: torch.notes };
}
