import { isBlockKind } from '../../core/kinds';
import { serializeDesign } from '../../core/document/format';
import { importModel } from '../../core/onnx/import/import';
import { UsageError, parseArgs, type Command } from '../command';

export const importCommand: Command = {
  name: 'import',
  usage: 'import <model.onnx> -o design.json [--no-blocks]      ONNX to an editable design',
  run(args, io) {
    const { positional, flags, switches } = parseArgs(args, ['o'], ['no-blocks']);
    const source = positional[0];
    if (source === undefined) throw new UsageError('missing the model: give a .onnx file');
    const target = flags.get('o');
    if (target === undefined) throw new UsageError('missing -o design.json: where to write the design');
    const r = importModel(io.readFile(source), {
      blocks: !switches.has('no-blocks'),
      source: source.split(/[\\/]/).pop() ?? source,
    });
    if (!r.ok) throw new UsageError(`${source}: ${r.error}`);
    // One verdict: a design that validate or export would refuse is not written (the app still
    // opens such a model, with its diagnostics shown).
    if (r.invalid !== undefined) throw new UsageError(`${source}: ${r.invalid}`);
    io.writeFile(target, serializeDesign(r.design));
    for (const note of r.notes) io.out(`note: ${note}`);
    const blocks = r.design.nodes.filter((n) => isBlockKind(n.kind)).length;
    const opaque = r.design.nodes.filter((n) => n.kind === 'Opaque').length;
    io.out(
      `wrote ${target}: ${r.design.nodes.length} nodes, ${blocks} of them blocks${opaque > 0 ? `, ${opaque} opaque (not analysed)` : ''}`,
    );
  },
};
