/**
 * The paper each lesson teaches, as the survey chapter cites it (its references [124]–[145]): first
 * author, title, venue and year. A reference reads the same in every language.
 */
export interface PaperReference {
  /** The first author and "et al." (as every citation in the app reads, in every language). */
  readonly authors: string;
  readonly title: string;
  /** "CVPR", "ECCV", "arXiv:1602.07360". */
  readonly venue: string;
  readonly year: number;
}

export const paperReferences: Readonly<Record<number, PaperReference>> = {
  124: {
    authors: 'Iandola et al.',
    title: 'SqueezeNet: AlexNet-level accuracy with 50x fewer parameters and <0.5MB model size',
    venue: 'arXiv:1602.07360',
    year: 2016,
  },
  125: {
    authors: 'Howard et al.',
    title: 'MobileNets: Efficient convolutional neural networks for mobile vision applications',
    venue: 'arXiv:1704.04861',
    year: 2017,
  },
  126: {
    authors: 'Sandler et al.',
    title: 'MobileNetV2: Inverted residuals and linear bottlenecks',
    venue: 'CVPR',
    year: 2018,
  },
  127: {
    authors: 'Zhang et al.',
    title: 'ShuffleNet: An extremely efficient convolutional neural network for mobile devices',
    venue: 'CVPR',
    year: 2018,
  },
  128: {
    authors: 'Ma et al.',
    title: 'ShuffleNet V2: Practical guidelines for efficient CNN architecture design',
    venue: 'ECCV',
    year: 2018,
  },
  129: { authors: 'Zhang et al.', title: 'Interleaved group convolutions', venue: 'ICCV', year: 2017 },
  130: {
    authors: 'Xie et al.',
    title: 'Interleaved structured sparse convolutional neural networks',
    venue: 'CVPR',
    year: 2018,
  },
  131: {
    authors: 'Wang et al.',
    title: 'Fully learnable group convolution for acceleration of deep neural networks',
    venue: 'CVPR',
    year: 2019,
  },
  132: {
    authors: 'Park et al.',
    title: 'Faster CNNs with direct sparse convolutions and guided pruning',
    venue: 'arXiv:1608.01409',
    year: 2016,
  },
  133: {
    authors: 'Zhang et al.',
    title: 'High performance zero-memory overhead direct convolutions',
    venue: 'arXiv:1809.10170',
    year: 2018,
  },
  134: {
    authors: 'Ioannou et al.',
    title: 'Training CNNs with low-rank filters for efficient image classification',
    venue: 'arXiv:1511.06744',
    year: 2015,
  },
  135: {
    authors: 'Bagherinezhad et al.',
    title: 'LCNN: Lookup-based convolutional neural network',
    venue: 'CVPR',
    year: 2017,
  },
  136: {
    authors: 'Wang et al.',
    title: 'Learning versatile filters for efficient convolutional neural networks',
    venue: 'NeurIPS',
    year: 2018,
  },
  137: { authors: 'Huang et al.', title: 'Deep networks with stochastic depth', venue: 'ECCV', year: 2016 },
  138: {
    authors: 'Dong et al.',
    title: 'More is less: A more complicated network with less inference complexity',
    venue: 'CVPR',
    year: 2017,
  },
  139: {
    authors: 'Li et al.',
    title: 'DeepRebirth: Accelerating deep neural network execution on mobile devices',
    venue: 'AAAI',
    year: 2018,
  },
  140: {
    authors: 'Prabhu et al.',
    title: 'Deep expander networks: Efficient deep networks from graph theory',
    venue: 'ECCV',
    year: 2018,
  },
  141: {
    authors: 'Wu et al.',
    title: 'Shift: A zero FLOP, zero parameter alternative to spatial convolutions',
    venue: 'CVPR',
    year: 2018,
  },
  142: {
    authors: 'Chen et al.',
    title:
      'All you need is a few shifts: Designing efficient convolutional neural networks for image classification',
    venue: 'CVPR',
    year: 2019,
  },
  143: {
    authors: 'Kim et al.',
    title:
      'SplitNet: Learning to semantically split deep networks for parameter reduction and model parallelization',
    venue: 'ICML',
    year: 2017,
  },
  144: {
    authors: 'Gordon et al.',
    title: 'MorphNet: Fast & simple resource-constrained structure learning of deep networks',
    venue: 'CVPR',
    year: 2018,
  },
  145: {
    authors: 'Kim et al.',
    title: 'NestedNet: Learning nested sparse structures in deep neural networks',
    venue: 'CVPR',
    year: 2018,
  },
};

/** The reference as one line: "Iandola et al., SqueezeNet: …, arXiv:1602.07360, 2016". */
export const referenceText = (r: PaperReference): string =>
  `${r.authors}, ${r.title}, ${r.venue}, ${String(r.year)}`;

/** The paper a lesson teaches, by its survey reference number. */
export function referenceOf(lesson: { readonly surveyRef: number }): PaperReference | undefined {
  return paperReferences[lesson.surveyRef];
}
