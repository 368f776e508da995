import { useMemo } from 'react';
import type { Design, PortRef } from '../core/design/design-types';
import { checkConnection, type Verdict } from '../state/connection';
import { useStudio } from '../state/store';

/** checkConnection for the current design, remembered per pair of ports while the design stays. */
export function useVerdicts(): (from: PortRef, to: PortRef) => Verdict {
  const design = useStudio((s) => s.design);
  return useMemo(() => verdictsFor(design), [design]);
}

function verdictsFor(design: Design): (from: PortRef, to: PortRef) => Verdict {
  const seen = new Map<string, Verdict>();
  return (from, to) => {
    const key = `${from.node}:${from.port}>${to.node}:${to.port}`;
    let v = seen.get(key);
    if (v === undefined) {
      v = checkConnection(design, from, to);
      seen.set(key, v);
    }
    return v;
  };
}
