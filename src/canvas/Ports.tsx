import { Handle, Position } from '@xyflow/react';
import { useTranslation } from 'react-i18next';

const spread = (i: number, n: number): string => `${(((i + 1) / (n + 1)) * 100).toFixed(2)}%`;

interface PortsProps {
  readonly label: string;
  readonly inputs: number;
  readonly outputs: number;
  readonly connectable: boolean;
}

/** Inputs along the top edge, outputs along the bottom, in port order, named for screen readers. */
export function Ports({ label, inputs, outputs, connectable }: PortsProps) {
  const { t } = useTranslation('canvas');
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
