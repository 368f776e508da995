import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatExact } from '../i18n/numbers';
import type { ShapeEdge } from './flow-types';

/** An edge labelled with the tensor it carries; thicker for bigger tensors. */
export const ShapeEdgeView = memo(function ShapeEdgeView(props: EdgeProps<ShapeEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const { t } = useTranslation('canvas');
  const weight = data?.weight ?? 0.3;
  const classes = ['shape-edge'];
  if (selected === true) classes.push('selected');
  if (data?.inner === true) classes.push('inner');
  const target = data?.dropTarget === true;
  if (target) classes.push('drop-target');
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={classes.join(' ')}
        style={{ strokeWidth: target ? 6 : 1 + weight * 3.5 }}
        interactionWidth={14}
      />
      {data?.shape !== undefined && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label${selected === true || target ? ' selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid="edge-shape"
            title={t('edgeElements', { n: formatExact(data.elements) })}
          >
            {data.shape}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
