import type { Connection } from '@xyflow/react';
import type { PortRef } from '../core/design/design-types';

/** Handle ids are "in-<port>" and "out-<port>" (see Ports.tsx). */
export function portNumber(handle: string | null | undefined): number | undefined {
  const m = /^(?:in|out)-(\d+)$/.exec(handle ?? '');
  return m === null ? undefined : Number(m[1]);
}

export function connectionPorts(
  c:
    | Connection
    | { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null },
): { from: PortRef; to: PortRef } | undefined {
  const fromPort = portNumber(c.sourceHandle);
  const toPort = portNumber(c.targetHandle);
  if (fromPort === undefined || toPort === undefined) return undefined;
  return { from: { node: c.source, port: fromPort }, to: { node: c.target, port: toPort } };
}
