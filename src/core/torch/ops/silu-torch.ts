import type { OpTorch } from '../torch-types';

/** PyTorch's own SiLU (torch ≥ 1.7); torch.onnx.export writes it as Sigmoid then Mul, as our export does. */
export const siluTorch: OpTorch<object> = { form: 'module', module: () => 'nn.SiLU()' };
