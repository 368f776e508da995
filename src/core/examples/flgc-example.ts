import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import type { ExampleDef } from './example-types';

/** C = N = 64 channels at 32×32, 3×3 convs, G = 4 groups. */
export const FLGC_EXAMPLE = { channels: 64, size: 32, groups: 4 } as const;

/** The input-channel groups of the example, as training might leave them: 24, 24, 8 and 8 channels. */
export const FLGC_INPUT_SIZES: readonly number[] = [24, 24, 8, 8];

/**
 * A group number for each of `sum(sizes)` items, interleaved: the groups take turns, each while it
 * still has members (sizes 2, 1 → 0, 1, 0), so the channels of one group are not contiguous, as a
 * learned assignment's are not.
 */
export function interleavedGroups(sizes: readonly number[]): number[] {
  const left = [...sizes];
  const out: number[] = [];
  while (left.some((n) => n > 0))
    left.forEach((n, g) => {
      if (n <= 0) return;
      out.push(g);
      left[g] = n - 1;
    });
  return out;
}

/** The filter groups when the two wide input groups get `f` filters each and the narrow ones 32 − f. */
export const flgcFilterSizes = (f: number): number[] => [f, f, 32 - f, 32 - f];

/**
 * FLGC (Wang et al. 2019) beside the equal group conv (G = 4) and the dense 3×3 conv it replaces:
 * learned input groups of 24, 24, 8 and 8 channels with 16 filters each cost Σ|in_g|·|out_g|·9·H'W'
 * = 1,024·9·1,024, the equal group conv's C·N/G·9·H'W' exactly, a quarter of the dense conv's.
 */
function build(): Design {
  const { channels: c, size, groups } = FLGC_EXAMPLE;
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: c, height: size, width: size }, [], 'input');
  g.output(g.add('Conv2d', { outChannels: c }, [x], 'conv3x3'), 'baseline');
  g.output(g.add('Conv2d', { outChannels: c, groups }, [x], 'group_conv3x3'), 'group_conv');
  const flgc = g.add(
    'FullyLearnableGroupConv',
    {
      outChannels: c,
      groups,
      channelGroups: interleavedGroups(FLGC_INPUT_SIZES),
      filterGroups: interleavedGroups(flgcFilterSizes(16)),
    },
    [x],
    'flgc',
  );
  g.output(flgc, 'method');
  return g.design('FLGC vs group conv vs 3×3 conv');
}

export const flgcExample: ExampleDef = {
  name: 'flgc_vs_group_conv',
  method: 'FLGC, fully learnable group convolution',
  surveyRef: 131,
  level: 'kernel',
  shows:
    "64 channels, 3×3, G = 4: learned input groups 24/24/8/8 with 16 filters each cost Σ|in_g|·|out_g|·9·H'W' = 9.4M, as the equal group conv, beside the dense conv's 37.7M",
  build,
};
