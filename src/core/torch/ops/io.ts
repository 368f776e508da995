import type { OpParams } from '../../layers/registry';
import type { OpTorch } from '../types';

export const inputTorch: OpTorch<OpParams<'Input'>> = { form: 'input' };
export const outputTorch: OpTorch<OpParams<'Output'>> = { form: 'output' };

/** An imported ONNX op kept as it came has no PyTorch meaning Compact Studio knows. */
export const opaqueTorch: OpTorch<OpParams<'Opaque'>> = {
  form: 'none',
  why: (p) =>
    `it is an imported ONNX ${p.opType} op that Compact Studio keeps as it came and has no PyTorch form for`,
};
