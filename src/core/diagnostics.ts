import { problemMessage, type Message } from './message';

/** Stable codes: tests, the UI and the CLI key on these, so never renumber or reuse one. */
export const diagnosticCodes = {
  cycle: 'CS001',
  unconnectedInput: 'CS002',
  channelMismatch: 'CS003',
  groupsDoNotDivide: 'CS004',
  spatialCollapse: 'CS005',
  concatSpatialMismatch: 'CS006',
  wrongRank: 'CS007',
  invalidParams: 'CS008',
  splitSizes: 'CS009',
  noInput: 'CS010',
  noOutput: 'CS011',
  upstreamError: 'CS012',
  unknownKind: 'CS013',
  duplicateInputEdge: 'CS014',
  danglingEdge: 'CS015',
  opaque: 'CS016',
  shapeMismatch: 'CS017',
  unusedOutput: 'CS018',
  notComplementary: 'CS019',
  overLimit: 'CS020',
  /** A node whose result reaches no Output; its costs still count in the totals. */
  deadEnd: 'CS021',
} as const;

export type DiagnosticKey = keyof typeof diagnosticCodes;
export type DiagnosticCode = (typeof diagnosticCodes)[DiagnosticKey];
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly key: DiagnosticKey;
  readonly severity: Severity;
  /** A sentence a person understands: what is wrong and, where it helps, what to do. */
  readonly message: string;
  /** The same sentence as a key and its values, for a UI that translates it (absent: `message` only). */
  readonly text?: Message;
  /** The design node the problem belongs to, when it belongs to one. */
  readonly nodeId?: string;
  /** Inside a block: the primitive's label the sentence is about (the UI writes "label: sentence"). */
  readonly within?: string;
  /** The parameter or port the problem is about ("groups", "input 2"). */
  readonly field?: string;
  /**
   * Inside a block: the primitive's path within the node ("expand", "branch2/se.fc1"), so the
   * problem is found by identity, never by its message text.
   */
  readonly path?: string;
}

/** A sentence as the core passes it on: a message with its key, or (where none is written yet) plain English. */
export type MessageOrEnglish = string | Message;
const asProblemMessage = (s: MessageOrEnglish): { message: string; text?: Message } =>
  typeof s === 'string' ? { message: s } : problemMessage(s);

export function diagnostic(
  key: DiagnosticKey,
  message: MessageOrEnglish,
  where: { nodeId?: string; field?: string; path?: string } = {},
  severity: Severity = 'error',
): Diagnostic {
  return { code: diagnosticCodes[key], key, severity, ...asProblemMessage(message), ...where };
}

/** What a rule returns: a value, or the problems that stopped it. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

/** A problem found inside a rule; the analysis adds the node id. */
export interface Problem {
  readonly key: DiagnosticKey;
  readonly message: string;
  readonly text?: Message;
  readonly field?: string;
}

/** A problem from its message: `{ key, message, text }`, and the field when it names one. */
export const problem = (key: DiagnosticKey, message: MessageOrEnglish, field?: string): Problem => ({
  key,
  ...asProblemMessage(message),
  ...(field === undefined ? {} : { field }),
});

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(
  key: DiagnosticKey,
  message: MessageOrEnglish,
  field?: string,
): Result<T> => ({
  ok: false,
  problems: [problem(key, message, field)],
});
