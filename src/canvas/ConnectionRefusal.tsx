import { useConnection } from '@xyflow/react';
import { portNumber } from './ports';
import { useVerdicts } from './use-verdicts';
import { useTranslation } from 'react-i18next';

/** While a connection is dragged over an input it may not use, the reason sits at the cursor. */
export function ConnectionRefusal() {
  const { t } = useTranslation('canvas');
  const connection = useConnection();
  const verdict = useVerdicts();
  if (!connection.inProgress || connection.toHandle === null || connection.isValid !== false) return null;
  const a = connection.fromHandle;
  const b = connection.toHandle;
  const source = a.type === 'source' ? a : b;
  const target = a.type === 'source' ? b : a;
  const fromPort = portNumber(source.id);
  const toPort = portNumber(target.id);
  if (fromPort === undefined || toPort === undefined) return null;
  const v = verdict({ node: source.nodeId, port: fromPort }, { node: target.nodeId, port: toPort });
  if (v.ok) return null;
  return (
    <div
      className="refusal"
      role="alert"
      style={{ left: connection.pointer.x + 16, top: connection.pointer.y + 16 }}
    >
      <strong>{t('cannotConnect')}</strong> {v.reason}
    </div>
  );
}
