import type { OpParams } from '../../layers/registry';
import type { OpTorch } from '../types';

export const addTorch: OpTorch<OpParams<'Add'>> = {
  form: 'call',
  call: (_p, [a = '', b = '']) => `${a} + ${b}`,
};

/** The scale (port 2) is N×C×1×1 or the input's shape: broadcasting covers both. */
export const multiplyTorch: OpTorch<OpParams<'Multiply'>> = {
  form: 'call',
  call: (_p, [a = '', b = '']) => `${a} * ${b}`,
};

export const concatTorch: OpTorch<OpParams<'Concat'>> = {
  form: 'call',
  call: (_p, args) => `torch.cat([${args.join(', ')}], dim=1)`,
};
