import type { Analysis } from '../analysis/analysis-types';
import { lcclView, type MeasuredZero } from './lccl-method';
import { nestedLevels, nestedView } from './nested';
import { STOCHASTIC_DEPTH_CONVENTION, stochasticDepthView } from './stochastic-depth-method';

/**
 * The figures of the layer- and network-level methods a design uses, each under its own name and
 * beside the as-exported figure it differs from (never one number for both): what `cost --json`
 * prints as `effective` and the Cost tab shows. Keys are absent for methods the design does not use.
 */
export interface MethodFigures {
  readonly stochasticDepth?: {
    readonly lastSurvival: number;
    readonly inferenceMultiplyAdds: number;
    readonly expectedTrainingMultiplyAdds: number;
    readonly expectedBlocks: number;
    readonly blocks: readonly { name: string; survival: number; rule: string; branchMultiplyAdds: number }[];
    readonly convention: string;
  };
  readonly lccl?: {
    readonly asExportedMultiplyAdds: number;
    readonly effectiveMultiplyAdds: number;
    readonly layers: readonly {
      name: string;
      zeroRatio: number;
      zeroRatioSource: string;
      asExportedMultiplyAdds: number;
      effectiveMultiplyAdds: number;
    }[];
  };
  readonly nested?:
    | {
        readonly storedParams: number;
        readonly separateParams: number;
        readonly levels: readonly {
          width: number;
          params: number;
          multiplyAdds: number;
          memoryAccess: number;
        }[];
      }
    | { readonly error: string };
}

export function methodFigures(
  analysis: Analysis,
  measured?: ReadonlyMap<string, MeasuredZero>,
): MethodFigures {
  const d = analysis.design;
  const out: { -readonly [K in keyof MethodFigures]: MethodFigures[K] } = {};
  if (d.stochasticDepth !== undefined) {
    const v = stochasticDepthView(analysis, d.stochasticDepth);
    out.stochasticDepth = {
      lastSurvival: v.lastSurvival,
      inferenceMultiplyAdds: v.inferenceMultiplyAdds,
      expectedTrainingMultiplyAdds: v.expectedTrainingMultiplyAdds,
      expectedBlocks: v.expectedBlocks,
      blocks: v.blocks.map((b) => ({
        name: b.label,
        survival: b.survival,
        rule: b.rule,
        branchMultiplyAdds: b.branchMultiplyAdds,
      })),
      convention: STOCHASTIC_DEPTH_CONVENTION,
    };
  }
  const lccl = lcclView(analysis, measured);
  if (lccl.rows.length > 0)
    out.lccl = {
      asExportedMultiplyAdds: lccl.asExportedMultiplyAdds,
      effectiveMultiplyAdds: lccl.effectiveMultiplyAdds,
      layers: lccl.rows.map((r) => ({
        name: r.label,
        zeroRatio: r.zeroRatio,
        zeroRatioSource: r.source,
        asExportedMultiplyAdds: r.asExported,
        effectiveMultiplyAdds: r.effective,
      })),
    };
  if (d.nested !== undefined) {
    const levels = nestedLevels(d, d.nested.widths);
    if (!levels.ok) out.nested = { error: levels.error };
    else {
      const v = nestedView(levels.value);
      out.nested = { storedParams: v.storedParams, separateParams: v.separateParams, levels: v.rows };
    }
  }
  return out;
}
