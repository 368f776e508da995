import type { OpTorch } from '../torch-types';

/** An imported ONNX op kept as it came has no PyTorch meaning Compact Studio knows. */
export const opaqueTorch: OpTorch<{ readonly opType: string }> = {
  form: 'none',
  why: (p) =>
    `it is an imported ONNX ${p.opType} op that Compact Studio keeps as it came and has no PyTorch form for`,
};
