export const cost = {} as const;
