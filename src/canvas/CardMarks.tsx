import { useNodeMarks } from '../state/cost-marks';

const figureNames = {
  multiplyAdds: 'multiply-adds',
  params: 'params',
  peakActivations: 'peak activations',
  memoryAccess: 'memory access',
} as const;

/** ShuffleNetV2 guideline hints and over-budget marks on a card, from the cost panel's selector. */
export function CardMarks({ nodeId }: { nodeId: string }) {
  const marks = useNodeMarks(nodeId);
  if (marks.hints.length === 0 && marks.costly.length === 0) return null;
  return (
    <div className="card-marks">
      {marks.hints.map((h, i) => (
        <span key={`${h.guideline}-${String(i)}`} className="card-mark hint" title={h.message} role="note">
          ⚠ {h.guideline}
        </span>
      ))}
      {marks.costly.map((c) => (
        <span
          key={c.figure}
          className="card-mark costly"
          title={`Over the ${figureNames[c.figure]} budget: this node is ${(c.share * 100).toFixed(1)}% of the total.`}
          role="note"
        >
          {(c.share * 100).toFixed(0)}% of {figureNames[c.figure]}
        </span>
      ))}
    </div>
  );
}
