import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import { exportDesign } from '../onnx/export/onnx-export';
import { findPreset } from '../presets/preset-registry';
import { META } from '../onnx/version';
import { exportTorch } from '../torch/torch-export';
import { linearDecay, residualBlocks, stochasticDepthView } from './stochastic-depth-method';

/** Input 16×8×8, three inverted residuals 16 → 16 (t = 6, each with its identity add), classifier. */
function threeBlocks(): Design {
  const g = new GraphBuilder();
  let x = g.add('Input', { channels: 16, height: 8, width: 8 }, [], 'input');
  for (let i = 1; i <= 3; i++) x = g.add('InvertedResidual', { outChannels: 16 }, [x], `block${i}`);
  const f = g.add('Flatten', {}, [g.add('GlobalAvgPool', {}, [x], 'pool')], 'flatten');
  g.output(g.add('Linear', { outFeatures: 10, bias: false }, [f], 'fc'));
  return g.design('three residual blocks');
}

// Closed form of one block's branch: expand 16·96, depthwise 96·9, project 96·16, each over 8·8.
const branch = 64 * (16 * 96 + 96 * 9 + 96 * 16);
const classifier = 16 * 10;

describe('stochastic depth', () => {
  it('finds the blocks with an identity residual and costs their branches', () => {
    const found = residualBlocks(analyze(threeBlocks()));
    expect(found.map((b) => b.label)).toEqual(['block1', 'block2', 'block3']);
    for (const b of found) expect(b.branch).toBe(branch);
  });

  it('the linear-decay rule p_l = 1 − (l/L)(1 − p_L) and Σ p_l·cost(f_l) + the rest', () => {
    const v = stochasticDepthView(analyze(threeBlocks()), { lastSurvival: 0.5 });
    expect(v.blocks.map((b) => b.survival)).toEqual([1 - 1 / 6, 1 - 2 / 6, 0.5]);
    expect(v.inferenceMultiplyAdds).toBe(3 * branch + classifier);
    const expected = (5 / 6 + 4 / 6 + 3 / 6) * branch + classifier;
    expect(v.expectedTrainingMultiplyAdds).toBeCloseTo(expected, 6);
    expect(v.expectedBlocks).toBeCloseTo(2, 12);
  });

  it('a survival set for one block overrides the rule there only', () => {
    const d = threeBlocks();
    const id = d.nodes.find((n) => n.label === 'block2')?.id ?? '';
    const v = stochasticDepthView(analyze(d), { lastSurvival: 0.5, survival: { [id]: 0.9 } });
    expect(v.blocks.map((b) => [b.survival, b.rule])).toEqual([
      [5 / 6, 'linear'],
      [0.9, 'set'],
      [0.5, 'linear'],
    ]);
    expect(v.expectedTrainingMultiplyAdds).toBeCloseTo((5 / 6 + 0.9 + 0.5) * branch + classifier, 6);
  });

  it('MobileNetV2 has L = 10 identity residuals; Σ p_l = (3L − 1)/4 with p_L = 0.5 (the paper)', () => {
    const v = stochasticDepthView(analyze(findPreset('mobilenet_v2')?.build() ?? threeBlocks()));
    expect(v.blocks).toHaveLength(10);
    expect(v.expectedBlocks).toBeCloseTo((3 * 10 - 1) / 4, 12);
    expect(linearDecay(10, 10, 0.5)).toBe(0.5);
  });

  it('a shift block and a ShuffleNet unit with a residual count too; strided ones do not', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 24, height: 8, width: 8 }, []);
    const a = g.add('ShiftBlock', { outChannels: 24 }, [x], 'shift_res');
    const b = g.add('ShiftBlock', { outChannels: 24, stride: 2 }, [a], 'shift_s2');
    const c = g.add('ShuffleUnitV1', { outChannels: 24, groups: 3 }, [b], 'shuffle_res');
    g.output(c);
    expect(residualBlocks(analyze(g.design('mix'))).map((r) => r.label)).toEqual([
      'shift_res',
      'shuffle_res',
    ]);
  });

  it('the export states the convention and the survival of each block; the graph is unchanged', () => {
    const plain = threeBlocks();
    const d: Design = { ...plain, stochasticDepth: { lastSurvival: 0.5 } };
    const r = exportDesign(d);
    const p = exportDesign(plain);
    if (!r.ok || !p.ok) throw new Error('export failed');
    const meta = r.model.metadataProps?.find((m) => m.key === META.stochasticDepth)?.value ?? '';
    expect(meta).toContain('block1=0.833, block2=0.667, block3=0.5');
    expect(meta).toContain('inference runs every block unscaled');
    expect(r.model.graph?.node?.length).toBe(p.model.graph?.node?.length);
  });

  it('the PyTorch export states the same convention and gives p_l by module; forward is the plain network', () => {
    const plain = threeBlocks();
    const r = exportTorch({ ...plain, stochasticDepth: { lastSurvival: 0.5 } });
    const p = exportTorch(plain);
    if (!r.ok || !p.ok) throw new Error('export failed');
    // p_l = 1 − (l/3)·0.5, written by hand: 5/6, 2/3, 1/2; keyed as named_modules() names the blocks
    // (three loose layers in a row are gathered as `layers`).
    expect(r.source).toContain(
      'SURVIVAL = {"layers.block1": 0.833333, "layers.block2": 0.666667, "layers.block3": 0.5}',
    );
    expect(r.source.replace(/\s+/g, ' ')).toContain('inference runs every block unscaled: x + f(x)');
    expect(p.source).not.toContain('SURVIVAL');
    const forward = (src: string): string =>
      src.slice(src.indexOf('def forward(self, x):', src.indexOf('class ThreeResidualBlocks')));
    expect(forward(r.source)).toBe(forward(p.source));
  });

  it('a stage counts as its units: MobileNetV2 built from stages has the same 10 residual blocks as unit ids', () => {
    const d = findPreset('mobilenet_v2')?.build() as Design;
    expect(d.nodes.some((n) => n.kind === 'Stage')).toBe(true);
    const found = residualBlocks(analyze(d));
    expect(found).toHaveLength(10);
    // Each is a unit of a stage (id stage/unit): the first unit of a stage widens or strides, no residual.
    for (const b of found) expect(b.nodeId).toMatch(/\//);
  });
});
