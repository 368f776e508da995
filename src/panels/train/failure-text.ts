import { i18next } from '../../i18n';
import { sayMessage } from '../../i18n/say';
import type { TrainFailure } from '../../runtime/train/protocol';

/** One sentence for what went wrong, in the reader's language. */
export function failureText(f: TrainFailure): string {
  const t = (key: string, values: Record<string, unknown> = {}) => i18next.t(`train:failure.${key}`, values);
  switch (f.code) {
    case 'no-decode':
      return t(f.code, { file: f.file });
    case 'empty':
      return t(f.code);
    case 'one-class':
      return t(f.code, { name: f.name });
    case 'too-many-classes':
      return t(f.code, { classes: f.classes, outputs: f.outputs });
    case 'no-head':
      return t(f.code, { shape: f.shape });
    case 'nan-loss':
      return t(f.code, { step: f.step, kept: f.kept });
    case 'out-of-memory':
      return t(f.code, { batch: f.batch, half: Math.max(1, Math.floor(f.batch / 2)) });
    case 'bad-idx':
    case 'bad-zip':
      return t(f.code, { file: f.file, detail: f.detail });
    case 'design':
    case 'internal':
      return t(f.code, { detail: f.detail });
    case 'said':
      return sayMessage(f.said);
  }
}
