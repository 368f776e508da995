/**
 * Training speed and time left, from the steps the worker reports: images per second over a recent
 * window (the first steps include the backend's warm-up and would understate it), and the time the
 * remaining images take at that speed.
 */

export interface StepSample {
  /** Milliseconds since training began. */
  readonly ms: number;
  /** Images seen since training began. */
  readonly images: number;
}

/** How many recent samples the speed is measured over. */
export const SPEED_WINDOW = 20;

/** Images per second over the last `window` samples; undefined until two samples span some time. */
export function imagesPerSecond(samples: readonly StepSample[], window = SPEED_WINDOW): number | undefined {
  const last = samples.at(-1);
  const first = samples[Math.max(0, samples.length - 1 - window)];
  if (last === undefined || first === undefined || last.ms <= first.ms) return undefined;
  return ((last.images - first.images) * 1000) / (last.ms - first.ms);
}

/** Seconds until `totalImages` are seen at `rate` images per second; undefined without a rate. */
export function secondsLeft(
  seenImages: number,
  totalImages: number,
  rate: number | undefined,
): number | undefined {
  if (rate === undefined || !(rate > 0)) return undefined;
  return Math.max(0, totalImages - seenImages) / rate;
}

/** The share done, 0–1. */
export const fractionDone = (seenImages: number, totalImages: number): number =>
  totalImages <= 0 ? 0 : Math.min(1, Math.max(0, seenImages / totalImages));

/** "1 h 05 min", "4 min 09 s", "12 s": a duration as a person reads it (units are not translated). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h} h ${pad(m)} min`;
  if (m > 0) return `${m} min ${pad(r)} s`;
  return `${r} s`;
}
