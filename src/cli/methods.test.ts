import { describe, expect, it } from 'vitest';
import { UsageError, type CliIO } from './command';
import { runCli } from './run';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const written: Record<string, Uint8Array | string> = {};
  const io: CliIO = {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    readFile: (p) => {
      throw new UsageError(`${p}: no such file`);
    },
    writeFile: (p, d) => (written[p] = d),
  };
  const status = await runCli(args, io, (t) => (err += t));
  return { status, out, err, written };
}

describe('cli: effective figures of the layer- and network-level methods', () => {
  it('cost --json carries them under their own names, beside the as-exported totals', async () => {
    const r = await cli(['cost', 'example:lccl_vs_conv3x3', '--json']);
    const j = JSON.parse(r.out) as {
      multiplyAdds: number;
      methods: { lccl: { asExportedMultiplyAdds: number; effectiveMultiplyAdds: number } };
    };
    const hw = 1024;
    const conv = 64 * 64 * 9 * hw;
    // Baseline conv + LCCL block in the file; the LCCL's main conv counts (1 − 0.5) effectively.
    expect(j.multiplyAdds).toBe(conv + conv + 64 * 64 * hw);
    expect(j.methods.lccl.asExportedMultiplyAdds).toBe(j.multiplyAdds);
    expect(j.methods.lccl.effectiveMultiplyAdds).toBe(conv + 64 * 64 * hw + 0.5 * conv);
    const sd = JSON.parse((await cli(['cost', 'example:stochastic_depth', '--json'])).out) as {
      multiplyAdds: number;
      methods: {
        stochasticDepth: { inferenceMultiplyAdds: number; expectedBlocks: number; convention: string };
      };
    };
    expect(sd.methods.stochasticDepth.inferenceMultiplyAdds).toBe(sd.multiplyAdds);
    expect(sd.methods.stochasticDepth.expectedBlocks).toBeCloseTo(4.25, 12);
    expect(sd.methods.stochasticDepth.convention).toMatch(/unscaled/);
    const plain = JSON.parse((await cli(['cost', 'example:fire_vs_conv3x3', '--json'])).out) as object;
    expect(plain).not.toHaveProperty('methods');
  });

  it('export --nested writes one model per level, or one with every level', async () => {
    const sep = await cli(['export', 'example:nestednet_levels', '-o', 'm.onnx', '--nested', 'separate']);
    expect(sep.status).toBe(0);
    expect(Object.keys(sep.written)).toEqual(['m.level0.25.onnx', 'm.level0.5.onnx', 'm.level1.onnx']);
    const joint = await cli(['export', 'example:nestednet_levels', '-o', 'j.onnx', '--nested', 'joint']);
    expect(Object.keys(joint.written)).toEqual(['j.onnx']);
    const bad = await cli(['export', 'example:nestednet_levels', '-o', 'j.onnx', '--nested', 'all']);
    expect(bad).toMatchObject({ status: 1, err: 'error: --nested must be separate or joint, not "all"\n' });
  });
});
