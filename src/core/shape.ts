/** A tensor shape for batch 1: [N, C, H, W] for feature maps, [N, F] for vectors. */
export type Shape = readonly number[];

export const elements = (s: Shape): number => s.reduce((a, b) => a * b, 1);

export const channels = (s: Shape): number => s[1] ?? 0;

/** "1×32×112×112", the way shapes are written on screen and in messages. */
export const formatShape = (s: Shape): string => s.join('×');

/** Output length of a sliding window (conv, pool) along one axis, as PyTorch computes it. */
export function windowOutput(
  size: number,
  kernel: number,
  stride: number,
  padBegin: number,
  padEnd: number,
  dilation = 1,
  ceil = false,
): number {
  const span = dilation * (kernel - 1) + 1;
  const room = size + padBegin + padEnd - span;
  if (room < 0) return 0;
  let out = (ceil ? Math.ceil(room / stride) : Math.floor(room / stride)) + 1;
  // PyTorch: with ceil mode the last window must start inside the input or left padding.
  if (ceil && (out - 1) * stride >= size + padBegin) out -= 1;
  return out;
}
