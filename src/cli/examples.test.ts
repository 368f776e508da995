import { describe, expect, it } from 'vitest';
import { cliInMemory as cli } from '../../test-support/cli';
import { examples } from '../core/examples/example-registry';
import { pb } from '../core/onnx/proto';

describe('cli examples', () => {
  it('lists one example a line: NAME, a tab, the method [ref]: what it shows', async () => {
    const r = await cli(['examples']);
    expect(r.status).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(examples.length);
    for (const line of lines) expect(line).toMatch(/^[a-z0-9_]+\t[^\t]+ \[1[2-4]\d\]: \S/);
    expect(lines).toContain(
      'fire_vs_conv3x3\tSqueezeNet Fire module [124]: fire2 (squeeze 16, expand 64+64; 11,920 params as Table 1 prints) beside a 96→128 3×3 conv',
    );
  });

  it('example:NAME works for cost, validate and export', async () => {
    const cost = await cli(['cost', 'example:fire_vs_conv3x3', '--json']);
    expect(cost.status).toBe(0);
    const j = JSON.parse(cost.out) as { params: number };
    // 3×3 conv 96→128 with bias, plus fire2's 11,920.
    expect(j.params).toBe(96 * 128 * 9 + 128 + 11920);
    const v = await cli(['validate', 'example:igc_vs_conv3x3']);
    expect(v.status).toBe(0);
    expect(v.out).toMatch(/^ok: /m);
    const e = await cli(['export', 'example:igc_vs_conv3x3', '-o', 'igc.onnx']);
    expect(e.status).toBe(0);
    const model = pb.ModelProto.decode(e.written['igc.onnx'] as Uint8Array);
    expect(model.graph?.output?.map((o) => o.name)).toEqual(['baseline', 'method']);
  });

  it('cost --json carries LCNN’s effective figures under their own names, beside the as-exported ones', async () => {
    const r = await cli(['cost', 'example:lcnn_vs_conv3x3', '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.out) as {
      params: number;
      effectiveParams: number;
      effectiveMultiplyAdds: number;
      effectiveIndices: number;
      effectiveKernels: string[];
      layers: {
        name: string;
        op: string;
        multiplyAdds: number;
        effectiveMultiplyAdds: number;
        effectiveIndices: number;
      }[];
    };
    const [cin, cout, k, s, hw] = [64, 64, 128, 3, 32 * 32];
    const lcnn = j.layers.find((l) => l.name === 'lcnn');
    expect(lcnn).toEqual({
      ...lcnn,
      op: 'LookupConv',
      multiplyAdds: k * cin * hw + cout * k * 9 * hw,
      effectiveMultiplyAdds: k * cin * hw + s * 9 * cout * hw,
      effectiveIndices: s * 9 * cout,
    });
    // The dense conv beside it counts the same both ways.
    expect(j.params).toBe(9 * cin * cout + k * cin + cout * k * 9);
    expect(j.effectiveParams).toBe(9 * cin * cout + k * cin + s * 9 * cout);
    expect(j.effectiveMultiplyAdds).toBe(9 * cin * cout * hw + k * cin * hw + s * 9 * cout * hw);
    expect(j.effectiveIndices).toBe(s * 9 * cout);
    expect(j.effectiveKernels).toEqual(['lookup conv (LCNN)']);
  });

  it('an unknown example is one line naming the command that lists them', async () => {
    const r = await cli(['cost', 'example:alexnet']);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/^error: unknown example "alexnet"; `examples` lists them/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('--groups and --classes are refused for an example; --round for a preset', async () => {
    const r = await cli(['cost', 'example:fire_vs_conv3x3', '--groups', '2']);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/--groups applies to presets only/);
    const p = await cli(['cost', 'preset:mobilenet_v1', '--round', '8']);
    expect(p.status).toBe(1);
    expect(p.err).toMatch(/--round applies to examples and design files/);
    expect((await cli(['cost', 'example:morphnet_expand', '--round', '7'])).err).toMatch(
      /--round must be "channel" or 8/,
    );
  });

  it('--width and --resolution scale an example as MorphNet does: widths to the channel, or to 8', async () => {
    // The small CNN: convs 3 → c1 (32×32 at R = 32), c1 → c2 (stride 2), c2 → c2, then 10 classes;
    // multiply-adds c1·27·R² + (c2·c1 + c2²)·9·(R/2)² + 10·c2 (Gordon et al.'s uniform expansion).
    const madds = (c1: number, c2: number, r = 32): number =>
      c1 * 27 * r * r + (c2 * c1 + c2 * c2) * 9 * (r / 2) ** 2 + 10 * c2;
    const json = async (...args: string[]) =>
      JSON.parse((await cli(['cost', 'example:morphnet_expand', '--json', ...args])).out) as {
        multiplyAdds: number;
      };
    // ×1.06: 32·1.06 = 33.92 → 34 and 64·1.06 = 67.84 → 68 channels.
    expect((await json('--width', '1.06')).multiplyAdds).toBe(madds(34, 68));
    // Rounded to a multiple of 8 (never below 90 %): 33.92 → 32, 67.84 → 64: nothing changes.
    expect((await json('--width', '1.06', '--round', '8')).multiplyAdds).toBe(madds(32, 64));
    expect((await json('--width', '0.75', '--resolution', '64')).multiplyAdds).toBe(madds(24, 48, 64));
  });
});
