import { formatCount, formatExact } from '../state/figures';

/** Multiply-adds as papers write them; the exact integer on hover. Zero-cost ops show params if any. */
export function CostBadge({ multiplyAdds, params }: { multiplyAdds: number; params: number }) {
  if (multiplyAdds > 0)
    return (
      <span
        className="cost-badge"
        title={`${formatExact(multiplyAdds)} multiply-adds · ${formatExact(params)} params`}
        aria-label={`${formatExact(multiplyAdds)} multiply-adds`}
      >
        {formatCount(multiplyAdds)}
      </span>
    );
  if (params > 0)
    return (
      <span className="cost-badge quiet" title={`${formatExact(params)} params, no multiply-adds`}>
        {formatCount(params)} p
      </span>
    );
  return null;
}
