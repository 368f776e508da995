import { Handle, Position, useNodeId, useUpdateNodeInternals } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const spread = (i: number, n: number): string => `${(((i + 1) / (n + 1)) * 100).toFixed(2)}%`;

interface PortsProps {
  readonly label: string;
  readonly inputs: number;
  readonly outputs: number;
  readonly connectable: boolean;
}

/**
 * Tells React Flow to measure a card's ports again when their number changes. React Flow keeps a
 * node's port positions while its size stays the same, and a node id is reused when another design
 * opens (n3 was an Output, is now a BatchNorm of the same size): without this, the wire from a port
 * the old node did not have is never drawn until a reload.
 */
function useRemeasureOnPorts(inputs: number, outputs: number): void {
  const nodeId = useNodeId();
  const update = useUpdateNodeInternals();
  const seen = useRef(`${inputs}/${outputs}`);
  useEffect(() => {
    const now = `${inputs}/${outputs}`;
    if (seen.current === now || nodeId === null) return;
    seen.current = now;
    update(nodeId);
  }, [inputs, outputs, nodeId, update]);
}

/** Inputs along the top edge, outputs along the bottom, in port order, named for screen readers. */
export function Ports({ label, inputs, outputs, connectable }: PortsProps) {
  const { t } = useTranslation('canvas');
  useRemeasureOnPorts(inputs, outputs);
  return (
    <>
      {Array.from({ length: inputs }, (_, i) => (
        <Handle
          key={`in-${i}`}
          id={`in-${i}`}
          type="target"
          position={Position.Top}
          isConnectable={connectable}
          style={{ left: spread(i, inputs) }}
          // A port is a picture of a connection point (connecting from the keyboard is C): an image
          // with a name, since a name on a plain div is not allowed.
          role="img"
          aria-label={t('portIn', { label, n: i + 1 })}
          title={t('portInTitle', { n: i + 1 })}
        />
      ))}
      {Array.from({ length: outputs }, (_, i) => (
        <Handle
          key={`out-${i}`}
          id={`out-${i}`}
          type="source"
          position={Position.Bottom}
          isConnectable={connectable}
          style={{ left: spread(i, outputs) }}
          role="img"
          aria-label={t('portOut', { label, n: i + 1 })}
          title={t('portOutTitle', { n: i + 1 })}
        />
      ))}
    </>
  );
}

/** Inside an open block: where the block's inputs enter and its outputs leave the primitives. */
export function InnerPorts({ inputs, outputs, top }: { inputs: number; outputs: number; top: number }) {
  useRemeasureOnPorts(inputs, outputs);
  return (
    <>
      {Array.from({ length: inputs }, (_, i) => (
        <Handle
          key={`in-${i}-inner`}
          id={`in-${i}-inner`}
          type="source"
          position={Position.Bottom}
          isConnectable={false}
          className="inner-port"
          style={{ left: spread(i, inputs), top }}
        />
      ))}
      {Array.from({ length: outputs }, (_, i) => (
        <Handle
          key={`out-${i}-inner`}
          id={`out-${i}-inner`}
          type="target"
          position={Position.Top}
          isConnectable={false}
          className="inner-port"
          style={{ left: spread(i, outputs), top: 'auto', bottom: 6 }}
        />
      ))}
    </>
  );
}
