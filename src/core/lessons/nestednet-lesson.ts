import { scaleChannels } from '../analysis/scale';
import type { Design } from '../design/design-types';
import { DEFAULT_NESTED_WIDTHS, nestedLevels, nestedView } from '../methods/nested';
import { buildExample } from './example-of';
import { smallCnnMultiplyAdds } from './morphnet-lesson';
import { nodeByLabel } from './live';
import type { LessonDef } from './lesson-types';

/** The small CNN's conv widths at full width (3 → 32 → 64 → 64). */
const WIDTHS = [32, 64, 64] as const;
const VALUES = [0.25, 0.375, 0.5, 0.75] as const;

/** The example with its narrowest level at width w (the default levels above it kept). */
function withNarrowest(w: number): Design {
  const d = buildExample(145);
  return { ...d, nested: { widths: [w, ...DEFAULT_NESTED_WIDTHS.filter((x) => x > w)] } };
}

/** The narrowest level's width, on this lesson's design. */
const narrowest = (design: Design): number | undefined =>
  nodeByLabel(design, 'conv3') === undefined ? undefined : design.nested?.widths[0];

const widthsAt = (w: number): [number, number, number] =>
  WIDTHS.map((c) => scaleChannels(c, w, 8)) as [number, number, number];

/** NestedNet: nested sparse networks [145]: the idea, and the worked example wired to its knob, formula and task. */
export const nestednetLesson: LessonDef = {
  id: 'nestednet',
  surveyRef: 145,
  level: 'network',
  text: {
    en: {
      title: 'NestedNet: nested sparse networks',
      idea: 'NestedNet keeps several networks in one: each level uses a prefix of the next level’s channels, so the small network’s weights are shared by the large one in a network-in-network way. The low levels learn what is common; the higher levels add task-specific detail. One set of weights serves several budgets.',
      costs:
        'Parameters are stored once, but each level costs its own multiply-adds when run, and training must balance all levels.',
      task: 'Find the widest narrowest level whose multiply-adds stay under a quarter of the full network’s.',
      knob: 'Narrowest level (width)',
    },
    zh: {
      title: 'NestedNet：嵌套稀疏网络',
      idea: 'NestedNet 在一个网络里保存多个网络：每个层次使用下一层次通道的一个前缀，小网络的权重以 Network in Network 的方式被大网络共享。低层次学习公共知识，高层次补充特定任务的知识。一套权重对应多种预算。',
      costs: '参数只存一份，但每个层次运行时各有各的乘加数；训练时还要兼顾所有层次。',
      task: '找出乘加数不超过完整网络四分之一的最宽的最低层次。',
      knob: '最低层次（宽度）',
    },
  },
  live: {
    knob: {
      values: VALUES,
      format: (w) => `${w}×`,
      read: narrowest,
      build: withNarrowest,
    },
    // The full level beside the narrowest, as the Cost tab's level rows give them.
    sides(analysis) {
      if (narrowest(analysis.design) === undefined) return undefined;
      const levels = nestedLevels(analysis.design);
      if (!levels.ok) return undefined;
      const rows = nestedView(levels.value).rows;
      const [low, full] = [rows[0], rows.at(-1)];
      if (low === undefined || full === undefined) return undefined;
      const side = (r: typeof low) => ({
        params: r.params,
        multiplyAdds: r.multiplyAdds,
        memoryAccess: r.memoryAccess,
      });
      return { analysis, baseline: side(full), method: side(low) };
    },
    formula(live) {
      const w = narrowest(live.analysis.design);
      if (w === undefined) return undefined;
      const c = widthsAt(w);
      const full = smallCnnMultiplyAdds(WIDTHS);
      return {
        symbolic: 'level / full = (Σ 9·Cin·Cout·HW + c₃·K) at the level’s rounded widths / at width 1',
        substituted: `widths ${c.join(', ')}: ${smallCnnMultiplyAdds(c)} / ${full}`,
        value: smallCnnMultiplyAdds(c) / full,
        measured: live.method.multiplyAdds / live.baseline.multiplyAdds,
      };
    },
    paper: () => [],
    // Under a quarter, and the next wider level would not be.
    check: (live) => {
      const w = narrowest(live.analysis.design);
      if (w === undefined || live.method.multiplyAdds > live.baseline.multiplyAdds / 4) return false;
      const wider = VALUES.find((v) => v > w);
      return wider === undefined || smallCnnMultiplyAdds(widthsAt(wider)) > smallCnnMultiplyAdds(WIDTHS) / 4;
    },
  },
};
