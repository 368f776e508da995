import type { Analysis } from '../../../core/analysis/analysis-types';
import { Lccl } from './Lccl';
import { MorphNet } from './MorphNet';
import { Nested } from './Nested';
import { SplitNet } from './SplitNet';
import { StochasticDepth } from './StochasticDepth';

/** The survey's layer- and network-level methods that change how a design is costed or shaped. */
export function LayerNetworkMethods({ analysis }: { analysis: Analysis }) {
  return (
    <>
      <StochasticDepth analysis={analysis} />
      <Lccl analysis={analysis} />
      <SplitNet analysis={analysis} />
      <Nested analysis={analysis} />
      <MorphNet analysis={analysis} />
    </>
  );
}
