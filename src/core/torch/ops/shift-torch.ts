import { pyCall } from '../python';
import type { OpTorch } from '../torch-types';

const shiftNote =
  'Shift and SparseShift are pad + slice + concat: no parameters, no multiply-adds (the ONNX export writes them as fixed one-hot depthwise convs unless asked for slices).';

/** Written as pad + slice + concat (no weights), the same channel groups as the ONNX export's. */
export const shiftTorch: OpTorch<{ readonly kernel: number; readonly dilation: number }> = {
  form: 'module',
  module: (p, inputs) =>
    pyCall(
      'Shift',
      [inputs[0]?.[1] ?? 0],
      [
        ['kernel', p.kernel, 3],
        ['dilation', p.dilation, 1],
      ],
    ),
  helpers: ['Shift'],
  note: shiftNote,
};

export const sparseShiftTorch: OpTorch<{
  readonly kernel: number;
  readonly dilation: number;
  readonly fraction: number;
  readonly shifts?: readonly number[] | undefined;
}> = {
  form: 'module',
  module: (p, inputs) =>
    pyCall(
      'SparseShift',
      [inputs[0]?.[1] ?? 0],
      [
        ['kernel', p.kernel, 3],
        ['dilation', p.dilation, 1],
        ['fraction', p.fraction, 0.25],
        ...(p.shifts === undefined ? [] : [['shifts', [...p.shifts]] as const]),
      ],
    ),
  helpers: ['SparseShift'],
  note: shiftNote,
};
