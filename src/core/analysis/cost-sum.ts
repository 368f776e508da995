import type { OpCost } from '../ops/op-types';
import { zeroCost } from '../ops/op-types';

export function addCost(a: OpCost, b: OpCost): OpCost {
  return {
    params: a.params + b.params,
    buffers: a.buffers + b.buffers,
    multiplyAdds: a.multiplyAdds + b.multiplyAdds,
    memoryAccess: a.memoryAccess + b.memoryAccess,
    memoryAccessConvFc: a.memoryAccessConvFc + b.memoryAccessConvFc,
  };
}

export function sumCosts(costs: Iterable<OpCost>): OpCost {
  let total = zeroCost;
  for (const c of costs) total = addCost(total, c);
  return total;
}
