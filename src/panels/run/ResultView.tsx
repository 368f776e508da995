import { useMemo } from 'react';
import { designKey } from '../../runtime/targets';
import { useStudio } from '../../state/store';
import { formatMs } from './format';
import { OutputView } from './Outputs';
import { saveRunFile } from './run-actions';
import { useRunPanel } from './run-store';

/** Which backend ran, latency (median and spread), the outputs, and the run's files. */
export function ResultView() {
  const result = useRunPanel((s) => s.result);
  const design = useStudio((s) => s.design);
  const current = useMemo(() => designKey(design), [design]);
  if (result === undefined) return null;
  const { latency } = result;
  const ran =
    result.backend === 'webgpu'
      ? 'WebGPU'
      : `WASM, ${result.threads} thread${result.threads === 1 ? '' : 's'}`;
  return (
    <section className="run-section" aria-labelledby="run-result-title">
      <h3 id="run-result-title">Result</h3>
      {current !== result.designKey && <p className="run-stale">The design changed since this run.</p>}
      <p className="run-backend">
        Ran on <strong>{ran}</strong> · session created in {formatMs(result.createMs)}
      </p>
      {result.note !== undefined && <p className="run-note">{result.note}</p>}
      <p className="run-latency" aria-label="Latency">
        Latency <strong>{formatMs(latency.median)}</strong> median of {latency.runs} runs (p10{' '}
        {formatMs(latency.p10)}, p90 {formatMs(latency.p90)}, spread ±
        {((latency.spread * 100) / 2).toFixed(0)}%)
      </p>
      {result.outputs.map((o) => (
        <OutputView key={o.name} output={o} />
      ))}
      <p className="run-files">
        Save:{' '}
        <button type="button" className="button ghost" onClick={() => void saveRunFile('model')}>
          model (.onnx)
        </button>{' '}
        <button type="button" className="button ghost" onClick={() => void saveRunFile('input')}>
          input (.npy)
        </button>{' '}
        <button type="button" className="button ghost" onClick={() => void saveRunFile('output')}>
          output (.npy)
        </button>
      </p>
    </section>
  );
}
