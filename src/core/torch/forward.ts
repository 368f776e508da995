import type { DesignNode } from '../design/design-types';
import { identifier, NameScope } from './python';
import { portKey, type Port, type Wiring } from './torch-layout';

/** One line of `forward`: reads some tensors, writes others, through `expr` of the input names. */
export interface Step {
  readonly reads: readonly (Port | undefined)[];
  readonly writes: readonly Port[];
  /** A name for what it writes when no input's name can be reused. */
  readonly hint: string;
  expr(args: readonly string[]): string;
}

/**
 * The body of `forward`: one line per step. A step's output takes the name of an input read for
 * the last time (so a chain reads `x = self.a(x)`, `x = self.b(x)`), else a fresh name from its hint.
 */
export function forwardBody(
  args: readonly { readonly port: Port; readonly name: string }[],
  steps: readonly Step[],
  results: readonly (Port | undefined)[],
  w: Wiring,
): string[] {
  const scope = new NameScope('local');
  const names = new Map<string, string>();
  const left = new Map<string, number>();
  for (const a of args) {
    names.set(portKey(a.port), scope.claim(a.name));
    left.set(portKey(a.port), w.readers.get(portKey(a.port))?.length ?? 0);
  }
  const lines: string[] = [];
  for (const step of steps) {
    const inputs = step.reads.map((p) => (p === undefined ? 'None' : (names.get(portKey(p)) ?? 'None')));
    const freed: string[] = [];
    for (const p of step.reads) {
      if (p === undefined) continue;
      const k = portKey(p);
      const n = (left.get(k) ?? 0) - 1;
      left.set(k, n);
      const name = names.get(k);
      if (n === 0 && name !== undefined && !freed.includes(name)) freed.push(name);
    }
    const outs = step.writes.map((p, i) => {
      const k = portKey(p);
      const readers = w.readers.get(k)?.length ?? 0;
      left.set(k, readers);
      let name: string;
      if (step.writes.length === 1 && freed[0] !== undefined) name = freed[0];
      else if (readers === 0 && step.writes.length > 1) name = '_';
      else
        name = scope.claim(
          step.writes.length === 1 ? identifier(step.hint, 'y') : `${identifier(step.hint, 'y')}${i + 1}`,
        );
      names.set(k, name);
      return name;
    });
    lines.push(`${outs.join(', ')} = ${step.expr(inputs)}`);
  }
  const returned = results.map((p) => (p === undefined ? 'None' : (names.get(portKey(p)) ?? 'None')));
  lines.push(`return ${returned.join(', ')}`);
  return lines;
}

/** The input name of `forward` for each Input node: `x` for a single input, else its label. */
export function argumentNames(inputs: readonly DesignNode[]): string[] {
  if (inputs.length === 1) return ['x'];
  const scope = new NameScope('local');
  return inputs.map((n) => scope.claim(identifier(n.label, 'x')));
}
