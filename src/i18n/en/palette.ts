/** The palette: groups, the Conv2d variants it offers, search and hints. */
export const palette = {
  label: 'Palette',
  search: 'Search ops, blocks, presets',
  searchLabel: 'Search the palette',
  nothing: 'Nothing matches “{{query}}”.',
  mineHint: 'Select nodes and press Ctrl+G (or “Save as block” in the inspector).',
  groups: {
    io: 'Inputs and outputs',
    conv: 'Convolutions',
    normact: 'Normalisation and activations',
    pooling: 'Pooling and heads',
    channel: 'Channel operations',
    blocks: 'Compact blocks',
    presets: 'Presets',
    examples: 'Examples',
    mine: 'My blocks',
  },
  variants: {
    depthwise: {
      title: 'Depthwise conv 3×3',
      description:
        'One 3×3 filter per channel (groups = channels); takes the channels of the node it follows.',
    },
    pointwise: {
      title: 'Pointwise conv 1×1',
      description: 'Mixes channels at each pixel: a 1×1 convolution.',
    },
    group: {
      title: 'Group conv 1×1',
      description: 'A 1×1 convolution in g = 4 groups, as ShuffleNet uses (groups must divide the channels).',
    },
  },
  exampleRef: 'survey ref. [{{ref}}] · example:{{name}}',
  userBlock: '{{nodes}} nodes, {{edges}} connections',
  dragOpen: 'Drag onto the canvas, or press Enter to open it',
  dragAdd: 'Drag onto the canvas, or press Enter to add it',
  dragAddNode: 'Drag onto the canvas, or press Enter to add it (Shift+Enter: as a branch)',
  remove: 'Remove {{title}} from My blocks',
} as const;
