import type { OpTorch } from '../torch-types';

/** An activation: PyTorch's module of the same definition (HardSigmoid is ReLU6(x + 3) / 6 in both). */
const activation = (module: string): OpTorch<object> => ({ form: 'module', module: () => `${module}()` });

export const reluTorch = activation('nn.ReLU');
export const relu6Torch = activation('nn.ReLU6');
export const hardSwishTorch = activation('nn.Hardswish');
export const hardSigmoidTorch = activation('nn.Hardsigmoid');
export const sigmoidTorch = activation('nn.Sigmoid');
