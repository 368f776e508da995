/** What the app's actions say: connecting, inserting, opening presets and examples, export, import, blocks. */
export const actions = {
  connect: {
    title: 'Connect {{node}}',
    from: 'From',
    output: 'output {{n}}',
    search: 'Find an input to connect to',
    placeholder: 'Type a name: conv, pool, output…',
    list: 'Inputs it can feed',
    none: 'No free input can take this output.',
    noneMatching: 'No free input can take this output matching “{{query}}”.',
    gives: '{{kind}}, gives {{shape}} now',
    done: 'Connected {{from}} to {{to}}.',
    refused: 'Cannot connect. {{reason}}',
    pickOne: 'Select one node to connect from.',
  },
  open: {
    presetFailed: 'The preset {{name}} could not be built: {{message}}',
    exampleFailed: 'The example {{name}} could not be built: {{message}}',
    preset: 'Opened {{title}} as a new design.',
    example: 'Opened the example {{name}} ({{method}}) as a new design.',
    noPreset: 'There is no preset called {{name}}.',
    noExample: 'There is no example called {{name}}.',
  },
  insert: {
    refused: '{{name}} cannot follow {{before}}, so it was left unconnected: {{reason}}',
    stale: 'The design changed since; add the node again.',
    fixed: '{{fix}}: {{name}} now follows {{before}}.',
    branch: 'Inserted {{name}} as a branch from {{before}}.',
    between: 'Inserted {{name}} between {{before}} and {{followers}}.',
    after: 'Inserted {{name}} after {{before}}.',
    /** Joins the nodes that follow: "conv_2, conv_3". */
    separator: ', ',
    breaks: '{{inserted}} It breaks {{node}}: {{message}}',
  },
  onnx: {
    exporting: 'Exporting {{name}} to ONNX…',
    refused: 'This design cannot be exported yet: fix the problems marked on the canvas.',
    exported: 'Exported {{file}} ({{size}}, opset 17).',
    exportedDeploy: 'Exported {{file}} ({{size}}, opset 17, batch norm folded).',
    importing: 'Importing {{file}}…',
    importFailed: '{{file}} cannot be imported: {{error}}',
    imported_one: 'Imported {{file}}: {{count}} node.',
    imported_other: 'Imported {{file}}: {{count}} nodes.',
    importedInvalid_one: 'Imported {{file}}: {{count}} node, with problems to fix before it can be exported.',
    importedInvalid_other:
      'Imported {{file}}: {{count}} nodes, with problems to fix before it can be exported.',
  },
  torch: {
    exporting: 'Exporting {{name}} to PyTorch…',
    refused: 'This design cannot be written as PyTorch: see why below.',
    exported: 'Exported {{file}}: build_model() returns the network, ready to train.',
    exportedWeights:
      'Exported {{zip}}: {{file}} and {{weights}} ({{size}}) in one file; unpack them side by side and build_model() loads the weights.',
  },
  training: {
    exporting: 'Writing {{name}} as a PyTorch training project…',
    exported:
      'Exported {{file}} ({{size}}): unzip it and run train.py (README.md shows one GPU, torchrun and Slurm).',
    noWeights: 'Pick the run’s weights.safetensors (and its metrics.jsonl to record the result).',
    refused: '{{file}} was not loaded: see why below.',
    loaded_one: 'Loaded trained weights from {{file}} into {{count}} layer.',
    loaded_other: 'Loaded trained weights from {{file}} into {{count}} layers.',
    loadedResult_one:
      'Loaded trained weights from {{file}} into {{count}} layer; recorded {{data}} {{split}} top-1 {{top1}}%.',
    loadedResult_other:
      'Loaded trained weights from {{file}} into {{count}} layers; recorded {{data}} {{split}} top-1 {{top1}}%.',
  },
  blocks: {
    /** The name a selection saved as a block gets: "Block 3". */
    name: 'Block {{n}}',
    saved: 'Saved {{name}} to My blocks.',
  },
  inspect: { pickOne: 'Select one node to edit its settings.' },
  sample: { name: 'Sample network' },
} as const;
