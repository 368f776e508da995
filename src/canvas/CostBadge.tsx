import { formatCount, formatExact } from '../ui/figures';

/** Multiply-adds as papers write them; the exact integer on hover. Ops without any show no badge. */
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
  return null;
}
