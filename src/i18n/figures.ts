/** Figures written the way papers write them: 300.8M, 3.50M, 143.4K, 864. */
export function formatCount(n: number): string {
  const abs = Math.abs(n);
  if (abs < 1000) return String(Math.round(n));
  const [scale, unit] = abs >= 1e9 ? [1e9, 'G'] : abs >= 1e6 ? [1e6, 'M'] : [1e3, 'K'];
  const v = n / scale;
  const digits = Math.abs(v) < 10 ? 2 : 1;
  return `${v.toFixed(digits)}${unit}`;
}

/** The exact integer, with thousands separators, for hovers and the inspector. */
export function formatExact(n: number): string {
  return n.toLocaleString('en-US');
}
