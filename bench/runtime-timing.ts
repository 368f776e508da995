/** Warm-up and timed runs, the same in the browser and in onnxruntime-node. */
export const timing = { warmup: 5, runs: 40, budgetMs: 5000 } as const;
