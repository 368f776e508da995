import { z } from 'zod';
import { ok } from '../diagnostics';
import { elements } from '../shape';
import { graphBoundary } from '../onnx/export/emit-common';
import { fmt, none, one, positiveInt } from './op-common';
import { zeroCost, type OpDef } from './op-types';
import { inputTorch } from '../torch/ops/input-torch';

const schema = z.object({
  channels: positiveInt.default(3),
  height: positiveInt.default(224).meta({ unit: 'px' }),
  width: positiveInt.default(224).meta({ unit: 'px' }),
});

export const input = {
  kind: 'Input',
  family: 'io',
  title: 'Input',
  description: 'The image tensor the network reads: 1×C×H×W, batch 1.',
  schema,
  inputCount: none,
  outputCount: one,
  infer: ({ params: p }) => ok([[1, p.channels, p.height, p.width]]),
  cost: () => zeroCost,
  formulas: ({ outputs }) => [
    {
      figure: 'memoryAccess',
      symbolic: 'none (the input is given)',
      substituted: `0 (${(outputs[0] ?? []).join('×')} = ${fmt(elements(outputs[0] ?? []))})`,
    },
  ],
  summary: (p) => `${p.channels}×${p.height}×${p.width}`,
  palette: 'io',
  traits: {},
  // The graph's inputs: the exporter writes them and the importer reads them itself.
  pytorch: inputTorch,
  onnx: { emit: graphBoundary, patterns: [] },
  conformance: [
    { name: 'an RGB image', params: { channels: 3, height: 32, width: 32 } },
    { name: 'a non-square map', params: { channels: 5, height: 9, width: 13 } },
  ],
} satisfies OpDef<'Input', typeof schema>;
