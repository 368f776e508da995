import * as tf from '@tensorflow/tfjs-core';

/**
 * tfjs-backend-wasm 4.22's Slice kernel (added in tensorflow/tfjs#2269, in JavaScript) reads its
 * input through `backend.readSync`, which copies the WHOLE input out of the WASM heap before taking
 * the part it needs: every channel split, every tap of a pooling gradient pays for the full tensor.
 * In a lesson's Fire design that copy was 14% of a training step. This kernel slices from a view of
 * the heap instead (the output is allocated first, since an allocation may move the heap), for
 * float32 and int32 of any rank; strings go to the library's kernel.
 */

interface WasmData {
  readonly dataId: object;
  readonly shape: number[];
  readonly dtype: tf.DataType;
}

interface WasmBackend {
  makeOutput(shape: number[], dtype: tf.DataType): WasmData;
  typedArrayFromHeap(t: WasmData): Float32Array | Int32Array | Uint8Array;
}

const stridesOf = (shape: readonly number[]): number[] => {
  const out = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) out[i] = (out[i + 1] ?? 1) * (shape[i + 1] ?? 1);
  return out;
};

/** Copies the block `size` at `begin` of x (flat, with `strides`) into out, row by row of the last axis. */
export function copyBlock(
  x: ArrayLike<number> & { subarray(a: number, b: number): ArrayLike<number> },
  strides: readonly number[],
  out: { set(values: ArrayLike<number>, offset: number): void },
  begin: readonly number[],
  size: readonly number[],
): void {
  const rank = size.length;
  const row = size[rank - 1] ?? 1;
  const rows = size.slice(0, -1).reduce((a, b) => a * b, 1);
  if (row === 0 || rows === 0) return;
  const index = new Array<number>(Math.max(0, rank - 1)).fill(0);
  let start = 0;
  for (let d = 0; d < rank; d++) start += (begin[d] ?? 0) * (strides[d] ?? 1);
  for (let r = 0; r < rows; r++) {
    let at = start;
    for (let d = 0; d < rank - 1; d++) at += (index[d] ?? 0) * (strides[d] ?? 1);
    out.set(x.subarray(at, at + row), r * row);
    for (let d = rank - 2; d >= 0; d--) {
      const next = (index[d] ?? 0) + 1;
      if (next < (size[d] ?? 1)) {
        index[d] = next;
        break;
      }
      index[d] = 0;
    }
  }
}

/** Replaces the WASM backend's Slice kernel with one that reads a view of the heap. Idempotent. */
export function useHeapViewSlice(): void {
  const original = tf.getKernel('Slice', 'wasm') as (tf.KernelConfig & { heapView?: true }) | undefined;
  if (original === undefined || original.heapView === true) return;
  const fallback = original.kernelFunc;
  tf.unregisterKernel('Slice', 'wasm');
  const config: tf.KernelConfig & { heapView: true } = {
    kernelName: 'Slice',
    backendName: 'wasm',
    heapView: true,
    kernelFunc: (args) => {
      const x = args.inputs['x'] as unknown as WasmData & { shape: number[] };
      if (x.dtype === 'string') return fallback(args);
      const attrs = args.attrs as unknown as { begin: number | number[]; size: number | number[] };
      const parsed = tf.slice_util.parseSliceParams(x, attrs.begin, attrs.size);
      const begin = parsed[0] ?? [];
      const size = parsed[1] ?? [];
      const backend = args.backend as unknown as WasmBackend;
      const out = backend.makeOutput(size, x.dtype);
      const outValues = backend.typedArrayFromHeap(out);
      const xValues = backend.typedArrayFromHeap(x);
      copyBlock(xValues, stridesOf(x.shape), outValues, begin, size);
      return out;
    },
  };
  tf.registerKernel(config);
}
