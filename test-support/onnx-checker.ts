import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Debian's Python, where python3-onnx installs (a pyenv or venv python3 on PATH may lack it);
 * ONNX_CHECKER_PYTHON names another one.
 */
export const PYTHON = process.env['ONNX_CHECKER_PYTHON'] ?? '/usr/bin/python3';
const script = fileURLToPath(new URL('./onnx_check.py', import.meta.url));

export const INSTALL_HINT =
  'The ONNX checker tests need Debian’s python3-onnx for /usr/bin/python3: run `apt-get install -y python3-onnx` ' +
  '(or `npm test`, whose scripts/test.sh installs it when missing).';

export interface CheckerVerdict {
  /** The checker's or strict shape inference's complaint; null when the file passes both. */
  readonly error: string | null;
  /** The graph outputs' shapes as strict shape inference gives them. */
  readonly outputs: readonly (readonly (number | string)[])[];
}

/**
 * Runs onnx.checker.check_model(full_check=True) and strict, type-checked shape inference on every
 * file in one Python process. Throws one clear sentence when Python or its onnx package is missing.
 */
export function checkOnnxFiles(paths: readonly string[]): {
  readonly onnxVersion: string;
  readonly files: ReadonlyMap<string, CheckerVerdict>;
} {
  const r = spawnSync(PYTHON, [script], {
    input: JSON.stringify(paths),
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.error !== undefined)
    throw new Error(`${PYTHON} could not start (${r.error.message}). ${INSTALL_HINT}`);
  if (r.status === 3) throw new Error(`${r.stderr.trim()} ${INSTALL_HINT}`);
  if (r.status !== 0) throw new Error(`The ONNX checker script failed: ${r.stderr.trim()}`);
  const out = JSON.parse(r.stdout) as { onnx: string; files: Record<string, CheckerVerdict> };
  return { onnxVersion: out.onnx, files: new Map(Object.entries(out.files)) };
}
