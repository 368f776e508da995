import { useWeightsOrigin } from '../../state/hooks';
import { useStudio } from '../../state/store';

/**
 * Where this node's weights come from, in a design with imported weights: the file, or fresh
 * initialisation for the layers an edit changed or added (derived from the design, never stored).
 */
export function NodeWeights({ nodeId }: { nodeId: string }) {
  const origin = useWeightsOrigin();
  const notKept = useStudio((s) => s.weightsNotKept);
  if (origin.source === undefined) return null;
  const fresh = origin.fresh.filter((l) => l.nodeId === nodeId);
  const text =
    fresh.length === 0
      ? `Imported from ${origin.source}.`
      : fresh.length === 1 && fresh[0]?.key === nodeId
        ? `Fresh initialisation (He, seed 0): changed or added after the import from ${origin.source}.`
        : `${fresh.length} of its layers ${fresh.length === 1 ? 'holds' : 'hold'} fresh initialisation (He, seed 0), changed or added after the import from ${origin.source}: ${fresh.map((l) => l.name).join(', ')}.`;
  return (
    <section className="inspector-section" aria-label="Weights">
      <h3>Weights</h3>
      <p className={fresh.length > 0 ? 'weights-fresh' : 'muted'}>{text}</p>
      {notKept !== undefined && <p className="muted">Not kept in this browser ({notKept}).</p>}
    </section>
  );
}
