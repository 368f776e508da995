import { z } from 'zod';
import { fail, ok } from '../diagnostics';
import { elements, formatShape } from '../shape';
import { anyTensor, fmt, one, positiveInt } from './common';
import type { CostContext, OpCost, OpDef } from './types';

const schema = z.object({
  outFeatures: positiveInt.default(1000),
  bias: z.boolean().default(true),
});

type LinearParams = z.infer<typeof schema>;

function linearCost({ params: p, inputs, outputs }: CostContext<LinearParams>): OpCost {
  const fin = inputs[0]?.[1] ?? 0;
  const weights = fin * p.outFeatures;
  const bias = p.bias ? p.outFeatures : 0;
  const io = elements(inputs[0] ?? []) + elements(outputs[0] ?? []);
  return {
    params: weights + bias,
    buffers: 0,
    multiplyAdds: weights,
    memoryAccess: io + weights + bias,
    memoryAccessConvFc: io + weights,
  };
}

export const linear = {
  kind: 'Linear',
  family: 'linear',
  title: 'Linear',
  description: 'Fully connected layer on a vector N×F (flatten a feature map first).',
  schema,
  inputCount: one,
  outputCount: one,
  infer: ({ params: p, inputs }) => {
    const x = anyTensor(inputs);
    if (!x.ok) return x;
    if (x.value.length !== 2)
      return fail(
        'wrongRank',
        `Expects a vector N×F but gets ${formatShape(x.value)}: add a Flatten before it.`,
        'input 1',
      );
    return ok([[x.value[0] ?? 1, p.outFeatures]]);
  },
  cost: linearCost,
  formulas: (ctx) => {
    const fin = ctx.inputs[0]?.[1] ?? 0;
    const c = linearCost(ctx);
    const o = ctx.params.outFeatures;
    return [
      {
        figure: 'params',
        symbolic: `in·out${ctx.params.bias ? ' + out' : ''}`,
        substituted: `${fin}·${o}${ctx.params.bias ? ` + ${o}` : ''} = ${fmt(c.params)}`,
      },
      { figure: 'multiplyAdds', symbolic: 'in·out', substituted: `${fin}·${o} = ${fmt(c.multiplyAdds)}` },
      {
        figure: 'memoryAccessConvFc',
        symbolic: 'input + output + weights',
        substituted: `${fin} + ${o} + ${fmt(fin * o)} = ${fmt(c.memoryAccessConvFc)}`,
      },
      {
        figure: 'memoryAccess',
        symbolic: 'input + output + weights + bias',
        substituted: fmt(c.memoryAccess),
      },
    ];
  },
  summary: (p) => `${p.outFeatures}`,
} satisfies OpDef<'Linear', typeof schema>;
