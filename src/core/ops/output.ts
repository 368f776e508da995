import { z } from 'zod';
import { ok } from '../diagnostics';
import { graphBoundary } from '../onnx/export/emit-common';
import { anyTensor, none, one } from './op-common';
import { zeroCost, type OpDef } from './op-types';
import { outputTorch } from '../torch/ops/output-torch';

const schema = z.object({});

export const output = {
  kind: 'Output',
  family: 'io',
  title: 'Output',
  description: 'Marks a tensor as a result of the network.',
  schema,
  inputCount: one,
  outputCount: none,
  infer: ({ inputs }) => {
    const x = anyTensor(inputs);
    return x.ok ? ok([]) : x;
  },
  cost: () => zeroCost,
  formulas: () => [],
  summary: () => '',
  palette: 'io',
  traits: {},
  // The graph's outputs: the exporter writes them and the importer reads them itself.
  pytorch: outputTorch,
  onnx: { emit: graphBoundary, patterns: [] },
  conformance: [{ name: 'a feature map as the result', params: {} }],
} satisfies OpDef<'Output', typeof schema>;
