/// <reference lib="webworker" />
import { measure, type BenchConfig } from './runtime-measure';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<BenchConfig>) => {
  measure(e.data).then(
    (stats) => {
      scope.postMessage({ ok: true, stats });
    },
    (error: unknown) => {
      scope.postMessage({ ok: false, error: String(error) });
    },
  );
};
