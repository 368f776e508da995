import { nonZeros } from '../../ops/sparse';

/**
 * The comment above a sparse layer's module: PyTorch has no sparse conv, so it is the dense module
 * whose weight (in the .safetensors file, as in the ONNX export) holds exactly nnz non-zeros.
 */
export function sparseComment(density: number, weights: number): string | undefined {
  if (density >= 1) return undefined;
  const nnz = nonZeros(weights, density);
  return `sparse (density ${density}): the weight file keeps ${nnz} of its ${weights} weights non-zero, the rest 0`;
}
