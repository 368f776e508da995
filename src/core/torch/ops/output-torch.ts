import type { OpTorch } from '../torch-types';

/** What forward returns, in the order of the Output nodes. */
export const outputTorch: OpTorch<object> = { form: 'output' };
