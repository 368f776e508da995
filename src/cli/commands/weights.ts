import { serializeDesign } from '../../core/document/format';
import { loadTrained } from '../../core/torch/project/load-trained';
import { UsageError, parseArgs, type Command } from '../command';
import { loadSource, sourceFlags } from '../source';
import { int } from '../text';

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;
const percent = (v: number): string => `${(100 * v).toFixed(2)}%`;

export const weightsCommand: Command = {
  name: 'weights',
  usage:
    'weights <design.json | preset:NAME | example:NAME> --load weights.safetensors [--metrics metrics.jsonl] -o design.json   trained weights (train.py) back into the design, with their result',
  run(args, io) {
    const { positional, flags } = parseArgs(args, [...sourceFlags, 'load', 'metrics', 'o']);
    const file = flags.get('load');
    if (file === undefined)
      throw new UsageError('missing --load weights.safetensors: the trained weights to bind');
    const target = flags.get('o');
    if (target === undefined)
      throw new UsageError('missing -o design.json: where to write the design with its weights');
    const design = loadSource(positional[0], flags, io);
    const metricsPath = flags.get('metrics');
    const metrics =
      metricsPath === undefined
        ? undefined
        : { text: new TextDecoder().decode(io.readFile(metricsPath)), file: baseName(metricsPath) };
    const r = loadTrained(design, io.readFile(file), baseName(file), metrics);
    if (!r.ok) throw new UsageError(r.error);
    io.writeFile(target, serializeDesign(r.design));
    io.out(
      `bound ${int(r.tensors)} tensors (${int(r.values)} values) to ${int(r.layers)} layers from ${baseName(file)}; wrote ${target}`,
    );
    const res = r.result;
    if (res !== undefined)
      io.out(
        `result: ${res.dataset.name} ${res.dataset.split} top-1 ${percent(res.top1)}${res.top5 === undefined ? '' : `, top-5 ${percent(res.top5)}`} after ${int(res.steps)} steps (${res.epochs.toFixed(2)} epochs, seed ${res.recipe.seed}), design ${res.designHash}`,
      );
  },
};
