import { heUniform } from '../src/core/onnx/init';
import { attrFloat, attrInt, attrInts, encodeModel, floatTensor, type P } from '../src/core/onnx/proto';

/**
 * Builds ONNX graphs by hand in the shapes torch.onnx.export writes them (scoped node names,
 * Identity-shared weights, Constant nodes, Shape→Gather→Div chains), for the import tests.
 */
export class OnnxBuilder {
  readonly nodes: P.INodeProto[] = [];
  readonly inits: P.ITensorProto[] = [];
  private count = 0;

  constructor(readonly opset = 14) {}

  node(op: string, name: string, inputs: string[], attrs: P.IAttributeProto[] = [], outputs = 1): string[] {
    const outs = Array.from({ length: outputs }, (_, i) => `${name}_output_${i}`);
    this.nodes.push({ opType: op, name, input: inputs, output: outs, attribute: attrs });
    return outs;
  }

  one(op: string, name: string, inputs: string[], attrs: P.IAttributeProto[] = []): string {
    return this.node(op, name, inputs, attrs)[0] ?? '';
  }

  weight(name: string, dims: number[], fanIn = dims.slice(1).reduce((a, b) => a * b, 1)): string {
    this.inits.push(
      floatTensor(
        name,
        dims,
        heUniform(
          ++this.count,
          name,
          dims.reduce((a, b) => a * b, 1),
          fanIn,
        ),
      ),
    );
    return name;
  }

  /** int64 constants as raw bytes, as torch writes them (INT64_MAX included, exactly). */
  ints(name: string, values: (number | bigint)[]): string {
    const raw = new Uint8Array(BigInt64Array.from(values.map((v) => BigInt(v))).buffer);
    this.inits.push({ name, dims: [values.length], dataType: 7, rawData: raw });
    return name;
  }

  scalar(name: string, value: number): string {
    this.inits.push(floatTensor(name, [], new Float32Array([value])));
    return name;
  }

  /** Conv (+ bias, as when torch folds batch norm) the way torch names it. */
  conv(
    scope: string,
    x: string,
    cin: number,
    cout: number,
    k: number,
    stride = 1,
    groups = 1,
    bias = true,
  ): string {
    const w = this.weight(`${scope}.weight`, [cout, cin / groups, k, k]);
    const inputs = [x, w];
    if (bias) inputs.push(this.weight(`${scope}.bias`, [cout], 1));
    const p = Math.floor(k / 2);
    return this.one(
      'Conv',
      `/${scope
        .split('.')
        .map((_, i, a) => a.slice(0, i + 1).join('.'))
        .join('/')}/Conv`,
      inputs,
      [
        attrInts('kernel_shape', [k, k]),
        attrInts('strides', [stride, stride]),
        attrInts('pads', [p, p, p, p]),
        attrInt('group', groups),
      ],
    );
  }

  bn(scope: string, x: string, c: number): string {
    const t = (r: string, v: number) => {
      this.inits.push(floatTensor(`${scope}.${r}`, [c], new Float32Array(c).fill(v)));
      return `${scope}.${r}`;
    };
    return this.one(
      'BatchNormalization',
      `/${scope}/BatchNormalization`,
      [x, t('weight', 1), t('bias', 0), t('running_mean', 0), t('running_var', 1)],
      [attrFloat('epsilon', 1e-5)],
    );
  }

  model(
    input: { name: string; dims: (number | string)[] },
    outputs: { name: string; dims: number[] }[],
  ): Uint8Array {
    const vi = (name: string, dims: (number | string)[]): P.IValueInfoProto => ({
      name,
      type: {
        tensorType: {
          elemType: 1,
          shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
        },
      },
    });
    return encodeModel({
      irVersion: 7,
      producerName: 'pytorch',
      producerVersion: '2.1',
      opsetImport: [{ domain: '', version: this.opset }],
      graph: {
        name: 'main_graph',
        node: this.nodes,
        initializer: this.inits,
        input: [vi(input.name, input.dims)],
        output: outputs.map((o) => vi(o.name, o.dims)),
      },
    });
  }
}
