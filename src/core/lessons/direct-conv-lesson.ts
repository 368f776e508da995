import { loweringView } from '../analysis/lowering';
import type { Design, DesignNode } from '../design/design-types';
import { elements } from '../shape';
import { buildExample } from './example-of';
import { layersOf, nodeByLabel } from './live';
import type { LessonDef } from './lesson-types';

const LABEL = 'conv_k';

/** The kernel of the example's k×k conv, when it is square. */
function kernelOf(design: Design): number | undefined {
  const k: unknown = (nodeByLabel(design, LABEL)?.params as { kernel?: unknown } | undefined)?.kernel;
  return Array.isArray(k) && typeof k[0] === 'number' && k[0] === k[1] ? k[0] : undefined;
}

/**
 * Zero-memory-overhead direct convolution [133], on its worked example: a 1×1 conv (already a GEMM)
 * beside a k×k conv at 56×56×64, the knob k (padding (k − 1)/2 keeps the size).
 */
export const directConvLesson: LessonDef = {
  id: 'direct-conv',
  surveyRef: 133,
  level: 'kernel',
  text: {
    en: {
      title: 'Zero-memory-overhead direct convolution',
      idea: 'Most libraries lower a conv to a matrix product with im2col, copying every input patch into a buffer of (Cin/g)·kh·kw × H′W′ elements. A well-written direct conv computes the same result without that buffer, and scales better with threads.',
      costs:
        'Nothing in the design changes: the saving is in how the runtime computes. A direct conv must be tuned for each machine to match a matrix library’s speed.',
      task: 'Raise the kernel size until lowering the conv to im2col needs at least nine times the peak memory of a direct conv.',
      knob: 'Kernel size k',
    },
    zh: {
      title: '零内存开销的直接卷积',
      idea: '多数库用 im2col 把卷积转成矩阵乘法，把每个输入块复制进一个 (Cin/g)·kh·kw × H′W′ 个元素的缓冲区。写得好的直接卷积不需要这个缓冲区就能算出同样结果，而且随线程数增加扩展得更好。',
      costs: '设计本身不变：节省来自推理引擎的计算方式。直接卷积要针对每台机器调优，才能赶上矩阵库的速度。',
      task: '增大卷积核，直到把卷积展开为 im2col 时的内存峰值至少是直接卷积的九倍。',
      knob: '卷积核大小 k',
    },
  },
  live: {
    knob: {
      values: [1, 3, 5, 7],
      format: (k) => `${k}×${k}`,
      read: kernelOf,
      build: (k) => {
        const design = buildExample(133);
        const pad = (k - 1) / 2;
        return {
          ...design,
          nodes: design.nodes.map((n) =>
            n.label === LABEL
              ? ({ ...n, params: { ...n.params, kernel: [k, k], padding: [pad, pad] } } as DesignNode)
              : n,
          ),
        };
      },
    },
    formula(live) {
      const k = kernelOf(live.analysis.design);
      const conv = layersOf(live.analysis, LABEL)[0];
      if (k === undefined || conv === undefined) return undefined;
      const [, c = 0, h = 0, w = 0] = conv.inputShapes[0] ?? [];
      return {
        symbolic: 'im2col buffer / input = (Cin·k·k·H′W′) / (Cin·H·W) = k² (0 for 1×1: already a GEMM)',
        substituted: k === 1 ? '0' : `(${c}·${k}·${k}·${h}·${w}) / (${c}·${h}·${w})`,
        value: k === 1 ? 0 : k * k,
        measured: conv.workspace / elements(conv.inputShapes[0] ?? []),
      };
    },
    // Zhang et al. report speed and scaling on their machines, not a memory figure for a layer like this.
    paper: () => [],
    check: (live) => {
      const { peak } = loweringView(live.analysis);
      return peak.im2col.elements >= 9 * peak.direct.elements;
    },
  },
};
