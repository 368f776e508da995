import type { OpTorch } from '../types';

/** The network's inputs are forward's arguments. */
export const inputTorch: OpTorch<object> = { form: 'input' };
