/**
 * What the store says: edit notices (a delete's bridges and breaks, residual adds a settings edit took
 * away or brought back, a stage made), refused connections and names, autosave refusals, share links.
 */
export const store = {
  /** How parts are put together: names in a list, one sentence after another. */
  join: {
    names: ', ',
    sentences: '{{done}} {{next}}',
  },
  connection: { impossible: 'This connection is not possible.' },
  rename: { refused: 'This name cannot be used.' },
  shape: { unknown: 'an unknown shape' },
  deleted: {
    names: 'Deleted {{names}}.',
    count_one: 'Deleted {{count}} node.',
    count_other: 'Deleted {{count}} nodes.',
    bridged: 'Connected {{from}} → {{to}} ({{shape}}).',
    brokeManyWays:
      '{{target}} lost input {{port}}: the deleted part had more than one way in, so nothing was bridged.',
    brokeShapes:
      '{{target}} lost input {{port}}: it received {{got}} and {{from}} gives {{gives}}, so nothing was bridged.',
  },
  residual: {
    lost_one:
      '{{label}} lost its residual add: a skip needs stride 1 and equal input and output widths. Undo (Ctrl+Z) brings it back.',
    lost_other:
      '{{label}} lost its {{count}} residual adds: a skip needs stride 1 and equal input and output widths. Undo (Ctrl+Z) brings it back.',
    lostWidths_one:
      '{{label}} lost its residual add: a skip needs stride 1 and equal input and output widths (input {{input}}, output {{output}} channels). Undo (Ctrl+Z) brings it back.',
    lostWidths_other:
      '{{label}} lost its {{count}} residual adds: a skip needs stride 1 and equal input and output widths (input {{input}}, output {{output}} channels). Undo (Ctrl+Z) brings it back.',
    gained_one: '{{label}} gained a residual add: input and output now have one shape.',
    gained_other: '{{label}} gained {{count}} residual adds: input and output now have one shape.',
    gainedWidths_one:
      '{{label}} gained a residual add: input and output now have one shape (input {{input}}, output {{output}} channels).',
    gainedWidths_other:
      '{{label}} gained {{count}} residual adds: input and output now have one shape (input {{input}}, output {{output}} channels).',
  },
  refitted_one:
    '{{label}}: {{count}} layer changed shape, so its imported weights were replaced by fresh ones; its other {{kept}} keep theirs.',
  refitted_other:
    '{{label}}: {{count}} layers changed shape, so their imported weights were replaced by fresh ones; its other {{kept}} keep theirs.',
  /** The button of an edit notice that takes the whole edit back. */
  undo: 'Undo',
  stage: {
    noNode: 'There is no such node.',
    units_one: '{{label}} now has {{count}} unit.',
    units_other: '{{label}} now has {{count}} units.',
    made_one:
      '{{label}} is now {{stage}}: {{count}} unit, with its stride and width. Undo (Ctrl+Z) turns it back.',
    made_other:
      '{{label}} is now {{stage}}: {{count}} units, the first with its stride and width, the others keeping the shape. Undo (Ctrl+Z) turns it back.',
    madeUnnamed_one:
      '{{label}} is now a stage: {{count}} unit, with its stride and width. Undo (Ctrl+Z) turns it back.',
    madeUnnamed_other:
      '{{label}} is now a stage: {{count}} units, the first with its stride and width, the others keeping the shape. Undo (Ctrl+Z) turns it back.',
  },
  autosave: {
    weightsRefused:
      'This model’s weights could not be autosaved ({{why}}); the design autosaves without them. Save it as a file (File → Save) to keep them.',
    full: 'the browser’s storage for this site is full',
    blocked: 'this browser does not allow this site to store data (private mode or a setting)',
    refused: 'the browser refused to store them ({{message}})',
  },
  share: {
    /** One problem of a share link; `why` is one of the reasons below or the document's own problem. */
    problem: 'share link: {{why}}',
    /** `limit` is the core's words for the limit ("above the longest share link (262,144; …)"), `max` its figure. */
    tooLong: 'the link is {{length, number}} characters long, {{limit}}',
    tooBig: 'the design in this link is, once expanded, {{limit}}',
    damaged: 'the design in this link is damaged ({{why}})',
    why: {
      empty: 'the link holds no design',
      characters: 'the link holds characters no share link has',
      cutShort: 'the link is cut short',
      undecodable: 'it could not be decompressed',
    },
  },
} as const;
