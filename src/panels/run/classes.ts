import { useSyncExternalStore } from 'react';

/** The 1000 ImageNet class names (public/imagenet-classes.json), fetched once, when first shown. */

let names: readonly string[] | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  loading ??= fetch(`${import.meta.env.BASE_URL}imagenet-classes.json`)
    .then((r) => r.json() as Promise<unknown>)
    .then((v) => {
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) names = v;
      for (const l of listeners) l();
    })
    .catch(() => {
      loading = undefined;
    });
  return () => {
    listeners.delete(listener);
  };
}

export function useClassNames(): readonly string[] | undefined {
  return useSyncExternalStore(subscribe, () => names);
}
