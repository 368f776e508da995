import { useWeightsOrigin } from '../../state/hooks';
import { useStudio } from '../../state/store';

/** The seed of the He initialisation the run's export uses for weights the design does not carry. */
const SEED = 0;

/**
 * Where the weights of a run come from, said before any result is read: seeded initialisation
 * (the class labels mean nothing), or an imported model with the layers edits re-initialised.
 */
export function WeightsNote() {
  const origin = useWeightsOrigin();
  const notKept = useStudio((s) => (s.design.weights === undefined ? undefined : s.weightsNotKept));
  const fresh = origin.fresh.length;
  return (
    <div className="run-weights" role="note" aria-label="Weights">
      {origin.source === undefined ? (
        <p>
          <strong>Untrained</strong>, He-initialised with seed {SEED}: the labels mean nothing until you
          import trained weights (File → Import ONNX…).
        </p>
      ) : (
        <p title={fresh > 0 ? `Re-initialised: ${origin.fresh.map((l) => l.name).join(', ')}` : undefined}>
          Weights <strong>imported from {origin.source}</strong>
          {fresh > 0 &&
            `; ${fresh} layer${fresh === 1 ? '' : 's'} re-initialised after edits (He, seed ${SEED})`}
          .
        </p>
      )}
      {notKept !== undefined && (
        <p className="run-weights-lost">
          Not kept in this browser ({notKept}): after a reload, every layer holds fresh initialisation and
          these results change. Save the design as a file (File → Save) to keep the weights.
        </p>
      )}
    </div>
  );
}
