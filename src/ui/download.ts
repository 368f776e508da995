import type { Design } from '../core/design/design-types';

/** A file name from the design's name: "MobileNetV2 1.0" → "mobilenetv2-1.0" + suffix. */
export function fileNameFor(design: Design, suffix: string): string {
  const stem = design.name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${stem === '' ? 'design' : stem}${suffix}`;
}

/** Hands a file to the browser's download. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
