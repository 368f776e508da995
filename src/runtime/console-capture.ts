/**
 * onnxruntime-web prints its profile (a Chrome trace) through the console.log that its
 * Emscripten module bound when it loaded. Installing this forwarder before onnxruntime loads lets
 * us collect those lines instead of printing them.
 */

let sink: string[] | undefined;
let installed = false;

export function installConsoleCapture(): void {
  if (installed) return;
  installed = true;
  const original = console.log.bind(console);
  console.log = (...args: unknown[]) => {
    if (sink === undefined) original(...args);
    else sink.push(args.map(String).join(' '));
  };
}

/** Runs `fn`, returning what it printed through console.log. */
export async function captureConsole(fn: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  sink = lines;
  try {
    await fn();
  } finally {
    sink = undefined;
  }
  return lines.join('\n');
}
