/** The page's dialogs and notices: errors, sharing, files, help. */
export const app = {
  regionError:
    '<strong>{{region}} hit a problem</strong> ({{message}}). Your design is safe: it is saved in this browser.',
  tryAgain: 'Try again',
  help: { title: 'Keyboard shortcuts', close: 'Close', mouse: 'Mouse' },
  notice: { more: '…and {{count}} more', dismiss: 'Dismiss message' },
  share: {
    title: 'Share link',
    size: 'The whole design is in the link ({{count}} characters); nothing is uploaded.',
    noWeights:
      'The imported model’s weights are too big for a link: it carries the architecture only. Save a file (File → Save) to share the weights too.',
    copied: 'Copied',
    copy: 'Copy link',
    close: 'Close',
  },
  weights: {
    title:
      'The imported weights are not kept in this browser ({{why}}): a reload loses them. Save the design as a file to keep them.',
    label: 'Weights not kept in this browser: {{why}}',
    short: 'Weights not kept',
  },
  boot: {
    shared: 'Opened “{{name}}” from a share link.',
    badLink: 'share link: the link could not be read',
    linkFailed: 'The design in this link could not be opened.',
    autosaveDamaged: 'The autosaved design could not be read; it was kept aside.',
  },
  files: {
    unreadable: '{{name}} could not be read.',
    notDesign: '{{name}} is not a design this app can open.',
    opened: 'Opened {{name}}.',
    untitled: 'Untitled',
  },
  documents: {
    kept: '“{{name}}” is kept in File → Recent designs.',
    back: 'Back to “{{name}}”',
    opened: 'Opened “{{name}}”; “{{before}}” is kept in File → Recent designs.',
    unreadable: '“{{name}}” could not be read from this browser’s storage.',
    deleted: 'Deleted “{{name}}”.',
    undoDelete: 'Undo',
  },
  recent: {
    title: 'Recent designs',
    intro: 'Every design you made or opened is kept in this browser, with its undo history.',
    empty: 'No other designs yet.',
    listLabel: 'Designs in this browser',
    edited: 'Edited {{when}}',
    current: 'Open now',
    open: 'Open',
    openName: 'Open “{{name}}”',
    delete: 'Delete',
    deleteName: 'Delete “{{name}}”',
    confirm: 'Delete “{{name}}” from this browser? You can undo this until you reload.',
    confirmDelete: 'Delete',
    cancel: 'Cancel',
    close: 'Close',
  },
} as const;
