import type { ExampleDef } from './types';

/** Every worked example, in the survey's order (kernel, layer, network level). Examples add themselves here. */
export const examples: readonly ExampleDef[] = [];

export function findExample(name: string): ExampleDef | undefined {
  return examples.find((e) => e.name === name);
}
