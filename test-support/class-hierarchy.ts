/**
 * A classifier's weight rows built with a known class hierarchy, for SplitNet's class assignment:
 * eight classes over 4 features; classes 0, 3, 5, 6 read feature 1 and 1, 2, 4, 7 feature 2 (the
 * first split); within them, the sign of feature 3 (0, 5 against 3, 6) and of feature 4 (1, 7
 * against 2, 4) (the second). Small perturbations keep the rows distinct.
 */
export const hierarchyRows: Readonly<Record<number, readonly number[]>> = {
  0: [1, 0, 0.5, 0.02],
  5: [1, 0.01, 0.45, 0],
  3: [1, 0, -0.5, 0.01],
  6: [0.98, 0, -0.55, 0],
  1: [0, 1, 0.02, 0.5],
  7: [0.01, 1, 0, 0.45],
  2: [0, 1, 0, -0.5],
  4: [0, 0.97, 0.01, -0.55],
};

/** The 8 rows as a row-major [8, 4 + pad] weight, each row followed by `pad` zero features. */
export const hierarchyWeight = (pad = 0): Float32Array =>
  Float32Array.from(
    Array.from({ length: 8 }, (_, k) => [
      ...(hierarchyRows[k] ?? []),
      ...new Array<number>(pad).fill(0),
    ]).flat(),
  );
