import { attrInts, floatTensor, type P } from '../src/core/onnx/proto';
import { node, tinyBytes } from './tiny-model';

/**
 * Synthetic ONNX files of n nodes in the shapes that once made import quadratic or blew the stack
 * (the import scaling bench and the linearity test share them).
 */
export const scalingGraphs: Readonly<Record<string, (n: number) => Uint8Array>> = {
  /** ReLU after ReLU: the longest path, n deep. */
  chain: (n) =>
    tinyBytes({
      nodes: Array.from({ length: n }, (_, i) =>
        node('Relu', [i === 0 ? 'x' : `t${i}`], [`t${i + 1}`], [], `relu${i}`),
      ),
    }),
  /** n readers of one tensor, summed pairwise back to one output. */
  'wide fan-out': (n) => {
    const nodes: P.INodeProto[] = [];
    const half = Math.max(1, Math.floor(n / 2));
    for (let i = 0; i < half; i++) nodes.push(node('Relu', ['x'], [`r${i}`], [], `relu${i}`));
    let acc = 'r0';
    for (let i = 1; i < half; i++) {
      nodes.push(node('Add', [acc, `r${i}`], [`a${i}`], [], `add${i}`));
      acc = `a${i}`;
    }
    return tinyBytes({ nodes, outputs: [acc] });
  },
  /** Every node named the same. */
  'one name': (n) =>
    tinyBytes({
      nodes: Array.from({ length: n }, (_, i) =>
        node('Relu', [i === 0 ? 'x' : `t${i}`], [`t${i + 1}`], [], 'same'),
      ),
    }),
  /** 1×1 convs, 8 channels, one weight tensor shared by all (recognised as low-rank blocks). */
  '1×1 convs': (n) =>
    tinyBytes({
      nodes: Array.from({ length: n }, (_, i) =>
        node(
          'Conv',
          [i === 0 ? 'x' : `t${i}`, 'w'],
          [`t${i + 1}`],
          [attrInts('kernel_shape', [1, 1])],
          `conv${i}`,
        ),
      ),
      inits: [floatTensor('w', [8, 8, 1, 1], new Float32Array(64).fill(0.125))],
      input: [1, 8, 4, 4],
    }),
};
