import { analyze } from '../../core/analysis/analyze';
import type { Budgets } from '../../core/analysis/budget';
import { widthFields } from '../../core/analysis/scale';
import { serializeDesign } from '../../core/document/format';
import type { Design } from '../../core/design/design-types';
import { marginalCosts, shrinkThenExpand, withWidth } from '../../core/methods/morphnet-method';
import { quote } from '../../core/quote';
import { UsageError, numberFlag, parseArgs, type Command } from '../command';
import { findNode } from '../node-ref';
import { loadSource, sourceFlags } from '../source';
import { describeDiagnostic, int, table } from '../text';

/** `conv1=24,block_3.expandedChannels=96`: a layer (label or id), its width field (the first by default), a width. */
function applyWidths(design: Design, spec: string): Design {
  let d = design;
  for (const item of spec.split(',')) {
    const m = /^(.+?)(?:\.([A-Za-z]+))?=(\d+)$/.exec(item.trim());
    if (m === null)
      throw new UsageError(`--set takes LAYER=N or LAYER.field=N, comma-separated; not ${quote(item)}`);
    const [, ref = '', given, value = ''] = m;
    const node = findNode(d, ref);
    const fields = widthFields(node.kind);
    const field = given ?? fields[0];
    if (field === undefined || !fields.includes(field))
      throw new UsageError(
        `${quote(node.label)} (${node.kind}) has ${fields.length === 0 ? 'no width to set' : `the widths ${fields.join(', ')}`}${given === undefined ? '' : `, not ${given}`}`,
      );
    const n = Number(value);
    if (n < 1) throw new UsageError(`${quote(node.label)}: a width is at least 1, not ${value}`);
    d = withWidth(d, node.id, field, n);
  }
  const first = analyze(d).diagnostics.find((x) => x.severity === 'error');
  if (first !== undefined) throw new UsageError(`after --set: ${describeDiagnostic(first, d)}`);
  return d;
}

/**
 * MorphNet's resource weights (Gordon et al. 2018): what one more output channel of each layer
 * costs; --set edits per-layer widths (depthwise convs downstream follow) and writes the design.
 */
export const widthsCommand: Command = {
  name: 'widths',
  usage:
    'widths <design.json | preset:NAME | example:NAME> [--set LAYER=N[,LAYER.field=N…] -o design.json]      MorphNet: cost of one more channel per layer; per-layer widths',
  run(args, io) {
    const { positional, flags } = parseArgs(args, [...sourceFlags, 'set', 'o']);
    const loaded = loadSource(positional[0], flags, io);
    const spec = flags.get('set');
    const target = flags.get('o');
    if ((spec === undefined) !== (target === undefined))
      throw new UsageError('--set and -o go together: the widths to set and where to write the design');
    const design = spec === undefined ? loaded : applyWidths(loaded, spec);
    const first = analyze(design).diagnostics.find((x) => x.severity === 'error');
    if (first !== undefined) throw new UsageError(describeDiagnostic(first, design));
    const rows = marginalCosts(design);
    io.out(
      table([
        ['layer', 'width', 'value', '+1 multiply-adds', '+1 params', '+1 memory access'],
        ...rows.map((r) => [
          r.label,
          r.field,
          String(r.width),
          ...(r.tied === undefined
            ? [int(r.multiplyAdds ?? 0), int(r.params ?? 0), int(r.memoryAccess ?? 0)]
            : ['tied', '', '']),
        ]),
      ]),
    );
    if (rows.some((r) => r.tied !== undefined))
      io.out('tied: a residual add (or another layer) needs this width to change with another one');
    if (target !== undefined && spec !== undefined) {
      io.writeFile(target, serializeDesign(design));
      const a = analyze(loaded).totals;
      const b = analyze(design).totals;
      io.out(
        `wrote ${target}: params ${int(a.params)} → ${int(b.params)}, multiply-adds ${int(a.multiplyAdds)} → ${int(b.multiplyAdds)}`,
      );
    }
  },
};

/**
 * MorphNet's loop: shrink by batch-norm γ (channels with |γ| below the threshold go, with the
 * weights cut to match), then the uniform width multiplier that fits a budget (when one is given).
 */
export const shrinkCommand: Command = {
  name: 'shrink',
  usage:
    'shrink <design.json | example:NAME> --threshold T -o design.json [--budget-madds N] [--budget-params N]      MorphNet: drop channels with |γ| < T, then widen to fit the budget',
  run(args, io) {
    const { positional, flags } = parseArgs(args, [
      ...sourceFlags,
      'threshold',
      'o',
      'budget-madds',
      'budget-params',
    ]);
    const threshold = numberFlag(flags, 'threshold');
    if (threshold === undefined) throw new UsageError('missing --threshold T: channels with |γ| < T go');
    const target = flags.get('o');
    if (target === undefined) throw new UsageError('missing -o design.json: where to write the result');
    const madds = numberFlag(flags, 'budget-madds');
    const params = numberFlag(flags, 'budget-params');
    const budgets: Budgets = {
      ...(madds === undefined ? {} : { multiplyAdds: madds }),
      ...(params === undefined ? {} : { params }),
    };
    const source = new Map(
      [...flags].filter(([k]) => !['threshold', 'o', 'budget-madds', 'budget-params'].includes(k)),
    );
    const design = loadSource(positional[0], source, io);
    const first = analyze(design).diagnostics.find((x) => x.severity === 'error');
    if (first !== undefined) throw new UsageError(describeDiagnostic(first, design));
    const r = shrinkThenExpand(design, threshold, budgets);
    if (typeof r === 'string') throw new UsageError(r);
    const { shrink } = r;
    io.out(
      table([
        ['layer', 'width', 'batch norm', 'channels |γ| < T', 'goes'],
        ...shrink.items.map((i) => [
          i.label,
          `${i.field} ${i.width}`,
          i.batchNorm,
          String(i.channels.length),
          i.kept === undefined ? `→ ${i.width - i.channels.length}` : `kept: ${i.kept.message}`,
        ]),
      ]),
    );
    const budgeted = madds !== undefined || params !== undefined;
    const fit = budgeted ? r.fit : undefined;
    if (budgeted && fit === undefined)
      throw new UsageError('even the narrowest shrunk design (width 0.05) is over the budget');
    const result = fit?.design ?? shrink.design;
    const after = fit?.analysis.totals ?? shrink.after;
    io.out(
      table([
        ['', 'before', 'shrunk', ...(fit === undefined ? [] : [`expanded ×${fit.width}`])],
        ...(['params', 'multiplyAdds'] as const).map((f) => [
          f === 'params' ? 'params' : 'multiply-adds',
          int(shrink.before[f]),
          int(shrink.after[f]),
          ...(fit === undefined ? [] : [int(after[f])]),
        ]),
      ]),
    );
    io.writeFile(target, serializeDesign(result));
    io.out(`wrote ${target}`);
  },
};
