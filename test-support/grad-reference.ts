import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * PyTorch autograd's answers for a list of cases (fixtures/train/grad_reference.py, float64, run
 * once for all): per case the gradients of sum(y · dy) by leaf name, NCHW, and `y` when asked.
 */
export function torchGradients(cases: readonly unknown[]): Record<string, number[]>[] {
  const python = process.env['PYTHON'] ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  const script = join(__dirname, '../fixtures/train/grad_reference.py');
  const dir = mkdtempSync(join(tmpdir(), 'train-grads-'));
  try {
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
    const r = spawnSync(python, [script, join(dir, 'cases.json'), join(dir, 'grads.json')], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`PyTorch reference failed: ${r.stderr}`);
    return JSON.parse(readFileSync(join(dir, 'grads.json'), 'utf8')) as Record<string, number[]>[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
