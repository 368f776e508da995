/** The languages the UI speaks; the first is the fallback. */
export const languages = ['en', 'zh'] as const;
export type Language = (typeof languages)[number];

/** Another language's resources: the same keys as the English ones, every leaf a string. */
export type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
