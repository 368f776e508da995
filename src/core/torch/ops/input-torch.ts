import type { OpTorch } from '../torch-types';

/** The network's inputs are forward's arguments. */
export const inputTorch: OpTorch<object> = { form: 'input' };
