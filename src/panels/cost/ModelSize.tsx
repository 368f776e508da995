import { formatExact } from '../../ui/figures';
import { MODEL_SIZE_DEFINITION, precisions } from './figure-defs';
import { formatBytes } from './format';
import { Tip } from './Tip';

/** Weight storage at fp32, fp16 and int8. */
export function ModelSize({ params }: { params: number }) {
  return (
    <div className="cost-model-size" role="group" aria-label="Model size">
      <span className="cost-model-size-title">
        Model size <span className="muted cost-convention">params × bytes</span>
      </span>
      {precisions.map((p) => {
        const bytes = params * p.bytes;
        return (
          <span key={p.id} className="cost-size" data-precision={p.id}>
            <span className="muted">{p.id}</span>{' '}
            <Tip
              label={`Model size at ${p.id}: ${formatExact(bytes)} bytes`}
              tip={
                <>
                  <strong className="cost-tip-exact">{formatExact(bytes)} bytes</strong>
                  <span>{MODEL_SIZE_DEFINITION}</span>
                  <code>
                    {formatExact(params)} params × {p.bytes} B
                  </code>
                </>
              }
            >
              <strong data-testid="size-value">{formatBytes(bytes)}</strong>
            </Tip>
          </span>
        );
      })}
    </div>
  );
}
