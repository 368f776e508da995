/**
 * Names that stay as they are in every language (networks, libraries, functions): a run of them is a
 * name, not a sentence.
 */
export const properNames: ReadonlySet<string> = new Set([
  'AlexNet',
  'MobileNet',
  'MobileNetV2',
  'MobileNetV3',
  'ResNet',
  'ShuffleNet',
  'ShuffleNetV2',
  'SqueezeNet',
  'hard-swish',
  'torchvision',
]);

/** A token of English prose: three or more ASCII letters (hyphens allowed inside), not a name. */
function isWord(token: string): boolean {
  const bare = token.replace(/^[([“"'（]+|[)\]”"'.,;:!?，；：。）]+$/g, '');
  return /^[A-Za-z]{3,}(?:-[A-Za-z]+)*$/.test(bare) && !properNames.has(bare);
}

/**
 * Runs of two or more English words in a text meant to be in another language: what is left of
 * English prose. Formulas, identifiers (conv3, fire2), figures and single names pass.
 */
export function englishRuns(text: string): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  for (const token of [...text.split(/\s+/), '']) {
    if (isWord(token)) {
      run.push(token);
      continue;
    }
    if (run.length >= 2) runs.push(run.join(' '));
    run = [];
  }
  return runs;
}
