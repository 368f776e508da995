import type { RuntimeErrorCode } from './protocol';

export interface RuntimeError {
  readonly code: RuntimeErrorCode;
  readonly message: string;
  readonly details?: readonly string[];
}

/** What the user can do about each kind of failure: shown under the message. */
export const remedies: Readonly<Record<RuntimeErrorCode, string>> = {
  'design-invalid': 'Fix the problems marked on the canvas (red outlines), then run again.',
  'unsupported-op':
    'Replace that op with a standard one, or switch to the WASM backend, which implements more ops than WebGPU.',
  'out-of-memory':
    'Lower the input resolution or the width, or close other tabs; the runtime has been restarted.',
  'worker-died': 'The runtime stopped unexpectedly and has been restarted: run again.',
  timeout:
    'The runtime did not answer in time and has been restarted. Run again; if it happens again, try the WASM backend.',
  'load-failed': 'The runtime files could not be loaded: check the connection and reload the page.',
  'bad-input': 'Choose another image (JPEG, PNG, WebP or GIF), or use a random tensor.',
  'no-run': 'Run the design first.',
  internal: 'Run again; if it happens again, reload the page (your design is saved).',
};

/** The code of an error onnxruntime (or the browser) threw, read from its message. */
export function classifyError(e: unknown): RuntimeError {
  const text = e instanceof Error ? e.message : String(e);
  const missing = /Could not find an implementation for ([\w.]+)\((\d+)\) node with name '([^']*)'/.exec(
    text,
  );
  if (missing !== null)
    return {
      code: 'unsupported-op',
      message: `The runtime has no kernel for ${missing[1] ?? '?'} (opset ${missing[2] ?? '?'}), used by “${missing[3] ?? '?'}”.`,
      details: [text],
    };
  if (/Unrecognized attribute|No Op registered|is not a registered function\/op|unsupported op/i.test(text))
    return {
      code: 'unsupported-op',
      message: 'The model uses an op the runtime does not know.',
      details: [text],
    };
  if (
    /out of memory|Array buffer allocation failed|Cannot enlarge memory|bad_alloc|Aborted\(OOM\)/i.test(text)
  )
    return { code: 'out-of-memory', message: 'The runtime ran out of memory.', details: [text] };
  if (
    /failed to fetch|NetworkError|Failed to fetch dynamically imported module|importing a module script failed/i.test(
      text,
    )
  )
    return { code: 'load-failed', message: 'The runtime could not be loaded.', details: [text] };
  return { code: 'internal', message: 'The runtime failed.', details: [text] };
}
