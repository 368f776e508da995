import type { Diagnostic } from '../core/diagnostics';
import type { Design } from '../core/design/design-types';
import { quote } from '../core/quote';

/** 'error CS004 node "conv2" (id "n7"): groups = 3 does not divide the 32 input channels.' */
export function describeDiagnostic(d: Diagnostic, design: Design): string {
  const node = d.nodeId === undefined ? undefined : design.nodes.find((n) => n.id === d.nodeId);
  const at =
    node === undefined
      ? ''
      : node.label === ''
        ? ` node ${quote(node.id)}`
        : ` node ${quote(node.label)} (id ${quote(node.id)})`;
  return `${d.severity} ${d.code}${at}: ${d.message}`;
}

/** Right-aligned columns, first column left-aligned. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '))
    .join('\n');
}

export const int = (n: number): string => n.toLocaleString('en-US');
