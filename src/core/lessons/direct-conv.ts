import type { LessonDef } from './types';

/** Zero-memory-overhead direct convolution [133]: the text; the live parts join when its worked example and knob are wired. */
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
      task: 'Find the conv whose im2col buffer is largest, and compare the peak memory with and without it.',
      knob: 'Lowering',
    },
    zh: {
      title: '零内存开销的直接卷积',
      idea: '多数库用 im2col 把卷积转成矩阵乘法，把每个输入块复制进一个 (Cin/g)·kh·kw × H′W′ 个元素的缓冲区。写得好的直接卷积不需要这个缓冲区就能算出同样结果，而且随线程数增加扩展得更好。',
      costs: '设计本身不变：节省来自推理引擎的计算方式。直接卷积要针对每台机器调优，才能赶上矩阵库的速度。',
      task: '找出 im2col 缓冲区最大的卷积，比较有无该缓冲区时的内存峰值。',
      knob: '展开方式',
    },
  },
};
