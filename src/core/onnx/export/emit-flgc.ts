import type { OpParams } from '../../kind-types';
import { resolveGroups } from '../../ops/flgc-groups';
import { layerWeight } from '../layer-weights';
import { attrInt, attrInts } from '../proto';
import type { EmitContext } from './export-context';

type FlgcParams = OpParams<'FullyLearnableGroupConv'>;

/**
 * A fully learnable group conv as ONNX computes it, with the file's own multiply-adds equal to the
 * design's: Gather (the input channels in group order) → Split (one part per group) → one Conv per
 * group → Concat → Gather (each filter back to its place).
 */
export function emitFlgc(ctx: EmitContext, p: FlgcParams): readonly string[] {
  const { w, layer } = ctx;
  const groups = resolveGroups(p, layer.inputShapes[0]?.[1] ?? 0);
  if (!groups.ok) throw new Error(`${layer.name}: ${groups.problems[0]?.message ?? 'invalid groups'}`);
  const a = groups.value;
  const name = layer.name;
  const weight = (role: string, dims: readonly number[]): string =>
    w.weight(`${name}.${role}`, dims, layerWeight(ctx, layer, role));
  const gathered = w.unique(`${name}/gathered`);
  w.node(
    'Gather',
    `${name}/gather_in`,
    [ctx.inputs[0] ?? '', w.ints(a.gatherIn)],
    [gathered],
    [attrInt('axis', 1)],
  );
  const parts = a.inSizes.map((_, g) => w.unique(`${name}/part${g}`));
  w.node('Split', `${name}/split`, [gathered, w.ints(a.inSizes)], parts, [attrInt('axis', 1)]);
  const [ph, pw] = p.padding;
  const convs = parts.map((part, g) => {
    const out = w.unique(`${name}/conv${g}_out`);
    const filters = a.outSizes[g] ?? 0;
    const inputs = [part, weight(`convs.${g}.weight`, [filters, a.inSizes[g] ?? 0, ...p.kernel])];
    if (p.bias) inputs.push(weight(`convs.${g}.bias`, [filters]));
    w.node(
      'Conv',
      `${name}/conv${g}`,
      inputs,
      [out],
      [
        attrInts('kernel_shape', p.kernel),
        attrInts('strides', p.stride),
        attrInts('pads', [ph, pw, ph, pw]),
        attrInts('dilations', p.dilation),
        attrInt('group', 1),
      ],
    );
    return out;
  });
  const joined = w.unique(`${name}/concat_out`);
  w.node('Concat', `${name}/concat`, convs, [joined], [attrInt('axis', 1)]);
  w.node('Gather', `${name}/gather_out`, [joined, w.ints(a.gatherOut)], ctx.outputs, [attrInt('axis', 1)]);
  return ctx.outputs;
}
