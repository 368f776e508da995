import type { OpTorch } from '../torch-types';

export const addTorch: OpTorch<object> = {
  form: 'call',
  call: (_p, [a = '', b = '']) => `${a} + ${b}`,
};

/** The scale (port 2) is N×C×1×1 or the input's shape: broadcasting covers both. */
export const multiplyTorch: OpTorch<object> = {
  form: 'call',
  call: (_p, [a = '', b = '']) => `${a} * ${b}`,
};

export const concatTorch: OpTorch<object> = {
  form: 'call',
  call: (_p, args) => `torch.cat([${args.join(', ')}], dim=1)`,
};
