import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importModel } from './import/import';

/**
 * The minimal files of fixtures/refusals (written by its make.py with the onnx package, not with
 * this project's writer): each is broken in one way only and must give its one sentence, which
 * names the node or tensor at fault.
 */
const dir = join(__dirname, '../../../fixtures/refusals');

const said: Readonly<Record<string, RegExp>> = {
  'bias-misfit': /^node "conv" \(Conv\): its bias 3 is not one value per output channel \(4\)$/,
  'attribute-twice':
    /^node "cat" \(Concat\) sets the attribute "axis" twice \(ONNX allows each attribute once\)$/,
  'initializer-twice': /^initializer "w" is listed twice \(ONNX names each initializer once\)$/,
  'split-zero': /^node "split" \(Split\): its split sizes \[0, 0\] are not all whole numbers of at least 1$/,
  'concat-axis-no-value': /^node "cat" \(Concat\): its axis has no integer value$/,
  'gemm-transb-2': /^node "fc" \(Gemm\): its transB is 2; ONNX allows 0 or 1$/,
  'transpose-perm':
    /^node "t" \(Transpose\): its perm \[0, 1, 2, 7\] is not an order of the 4 axes of its input$/,
  'batchnorm-epsilon': /^node "bn" \(BatchNormalization\): field epsilon: must be at least 1e-12/,
  'unknown-op':
    /^node "foo" \(Foo\): ONNX has no operator Foo at opset 17, so no runtime could load the file$/,
  'conv-no-weight': /^node "conv" \(Conv\): it has 1 input; ONNX's Conv takes 2 to 3$/,
  'maxpool-no-kernel': /^node "pool" \(MaxPool\): it sets no kernel_shape, which ONNX requires$/,
  'reshape-count':
    /^node "reshape" \(Reshape\): its shape \[1, 3, 8, 4\] does not hold the 192 values of its input 1×3×8×8$/,
  'reshape-int32-shape':
    /^node "reshape" \(Reshape\): its input "shape" is int32; ONNX's Reshape takes int64 there$/,
  'weight-no-type': /^initializer "w": its data type is not set$/,
  'conv-int32-bias':
    /^node "conv" \(Conv\): its input "b" is int32, but it computes on the float32 tensors that flow between layers/,
  'concat-int64':
    /^node "cat" \(Concat\): its input "k" is int64, but it computes on the float32 tensors that flow between layers/,
  'cast-to-int64':
    /^node "cast" \(Cast\): it casts a tensor between layers to int64, but only float32 tensors flow between layers$/,
  'dangling-input':
    /^node "relu" \(Relu\) reads "nowhere", which no node, input or initializer defines before it/,
};

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.onnx'))
  .map((f) => f.slice(0, -'.onnx'.length))
  .sort();

describe('the minimal refusal files', () => {
  it('are all here, each with its sentence', () => {
    expect(files).toEqual(Object.keys(said).sort());
  });

  it.each(files)('%s.onnx gives its one sentence', (name) => {
    const r = importModel(new Uint8Array(readFileSync(join(dir, `${name}.onnx`))));
    const text = r.ok ? 'imported' : r.error;
    expect(text).toMatch(said[name] ?? /no sentence written for this file/);
    expect(text).not.toContain('\n');
  });
});
