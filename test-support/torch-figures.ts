import { readFileSync } from 'node:fs';

/** One torchvision classifier's figures, counted in PyTorch by fixtures/torch/figures.py. */
export interface TorchFigures {
  readonly params: number;
  readonly buffers: number;
  readonly multiplyAdds: number;
  readonly memoryAccessConvFc: number;
}

interface FiguresFile {
  readonly models: Readonly<Record<string, TorchFigures>>;
}

let file: FiguresFile | undefined;

/** The PyTorch-counted figures of a torchvision model at 1×3×224×224 and 1000 classes. */
export function torchFigures(model: string): TorchFigures {
  file ??= JSON.parse(
    readFileSync(new URL('../fixtures/torch/figures.json', import.meta.url), 'utf8'),
  ) as FiguresFile;
  const figures = file.models[model];
  if (figures === undefined) throw new Error(`fixtures/torch/figures.json has no ${model}: run figures.py`);
  return figures;
}
