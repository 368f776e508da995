import { py } from '../python';
import type { OpTorch } from '../torch-types';
import { classOrder, inClassOrder } from '../../ops/splitnet-class-order';

/** SplitNet's class merge: the groups' scores concatenated, then indexed into class order. */
export const classMergeTorch: OpTorch<{ readonly classes: readonly (readonly number[])[] }> = {
  form: 'call',
  call: (p, args) =>
    inClassOrder(p.classes)
      ? `torch.cat([${args.join(', ')}], dim=1)`
      : `torch.cat([${args.join(', ')}], dim=1)[:, ${py(classOrder(p.classes))}]`,
};
