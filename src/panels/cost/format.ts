import { formatCount, formatExact } from '../../i18n/figures';

/** A signed change as papers write figures: "+12.3M", "−850", "±0". */
export function formatDelta(delta: number): string {
  if (delta === 0) return '±0';
  const sign = delta > 0 ? '+' : '−';
  return `${sign}${formatCount(Math.abs(delta))}`;
}

/** The change as a share of the value before: "+4.1%", "−0.02%"; "new" when there was nothing. */
export function formatPercentChange(before: number, after: number): string {
  if (before === after) return '0%';
  if (before === 0) return 'new';
  const p = (100 * (after - before)) / Math.abs(before);
  const abs = Math.abs(p);
  const digits = abs >= 10 ? 0 : abs >= 1 ? 1 : 2;
  const text = abs.toFixed(digits);
  // A real change never reads as zero.
  const shown = Number(text) === 0 ? `<${(0.01).toFixed(2)}` : text;
  return `${p > 0 ? '+' : '−'}${shown}%`;
}

/** A share of a whole, 0–1, as a percentage with sensible digits: "23.4%", "0.05%". */
export function formatShare(share: number): string {
  const p = share * 100;
  if (p === 0) return '0%';
  if (p < 0.01) return '<0.01%';
  return `${p.toFixed(p >= 10 ? 1 : p >= 1 ? 1 : 2)}%`;
}

/** The exact signed integer for hovers: "+1,234,567". */
export function formatExactDelta(delta: number): string {
  return `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${formatExact(Math.abs(delta))}`;
}

/** Bytes in MiB (as papers print model size): "13.37 MiB", "512.0 KiB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(2)} MiB`;
  if (bytes >= 2 ** 10) return `${(bytes / 2 ** 10).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** Reads a count as people type it: "300M", "3.5m", "1,200,000", "2e6", "450k", "1.2G". */
export function parseCount(text: string): number | undefined {
  const t = text.trim().replace(/[,_\s]/g, '');
  if (t === '') return undefined;
  const m = /^(\d+(?:\.\d*)?|\.\d+)(?:e(\d+))?([kmgb])?$/i.exec(t);
  if (m === null) return undefined;
  const scale: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9, b: 1e9 };
  const unit = m[3]?.toLowerCase();
  const v = Number(m[1]) * 10 ** Number(m[2] ?? 0) * (unit === undefined ? 1 : (scale[unit] ?? 1));
  return Number.isFinite(v) && v > 0 ? Math.round(v) : undefined;
}
