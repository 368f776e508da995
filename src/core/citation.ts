/**
 * Where something comes from: the bibliographic reference proper (authors, year, paper title, venue,
 * arXiv id, "Table 2"), which stays as the paper is cited in every language, and the prose around it
 * ("Stage tables: ", " (fully learnable group convolution)"), which the UI translates. Each prose part
 * carries its own punctuation and spacing, so each language punctuates in its own way. The prose is English
 * text keyed by where the citation sits, or (`Citation<Message>`) a message of the core's catalogue.
 */
export interface Citation<Prose = string> {
  /** Prose before the reference, with its punctuation: "Stage tables: ". */
  readonly before?: Prose;
  /** The reference proper: "Wang et al. 2019, FLGC", "Table 5". */
  readonly ref: string;
  /** Prose after the reference, with its punctuation: " (fully learnable group convolution)". */
  readonly after?: Prose;
}

/** The citation as one line of English, as the CLI and the generated code print it. */
export const citationText = (c: Citation): string => `${c.before ?? ''}${c.ref}${c.after ?? ''}`;
