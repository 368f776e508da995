/**
 * Import rules for src/ (docs/architecture.md, "Imports point one way"). `npm run lint` runs them;
 * a new import circle or an import that reaches up a layer fails it.
 */
const test = String.raw`\.test\.tsx?$`;
const registries = String.raw`^src/core/(ops/op|blocks/block)-registry\.ts$`;
/** The engines: they read the kind table; no kind may import them. */
const engines = String.raw`^src/core/(analysis/|onnx/export/onnx-export\.ts|onnx/import/(import|map|match|design|blocks|regions)\.ts|torch/torch-export\.ts|torch/project/|train/|results/|kinds\.ts)`;
const kinds = String.raw`^src/core/(ops|blocks)/`;

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import circle, types alone included: no file in it can be loaded, understood or tested alone.',
      from: { path: '^src/', pathNot: test },
      to: { circular: true },
    },
    {
      name: 'kinds-below-engines',
      severity: 'error',
      comment:
        'A kind (src/core/ops, src/core/blocks) depends on the document types and engine-neutral helpers only; the engines read it through the kind table.',
      from: { path: kinds, pathNot: test },
      to: { path: engines },
    },
    {
      name: 'registries-only-through-kinds',
      severity: 'error',
      comment:
        'Only src/core/kinds.ts composes the registries; everything else reads the kind table (src/core/kinds.ts above the kinds, src/core/kind-table.ts below them).',
      from: { path: '^src/', pathNot: [test, String.raw`^src/core/kinds\.ts$`, registries] },
      to: { path: registries },
    },
    {
      name: 'kind-table-below-kinds',
      severity: 'error',
      comment:
        'The kind table is read by the kinds: it imports no kind, registry or engine (types of the contracts only).',
      from: {
        path: String.raw`^src/core/(kind-table|kind-types|op-cost|design/(design-types|builder|params|subgraph))\.ts$`,
      },
      to: {
        path: [String.raw`^src/core/(ops|blocks)/(?!(op|block)-types\.ts$|region\.ts$)`, engines],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'kind-types-import-nothing',
      severity: 'error',
      comment:
        "The kind table's types are named by everything below the kinds (the document's types, each kind's PyTorch form): they import nothing of src.",
      from: { path: String.raw`^src/core/kind-types\.ts$` },
      to: { path: '^src/' },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'src/core runs in Node and the browser alike: it imports no other src folder.',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'lower-layers-never-import-ui',
      severity: 'error',
      comment:
        'src/i18n, src/state, src/ui, src/runtime and src/cli sit below the panels, canvas and page shell.',
      from: { path: '^src/(i18n|state|ui|runtime|cli)/' },
      to: { path: '^src/(app|canvas|panels)/' },
    },
    {
      name: 'i18n-below-ui',
      severity: 'error',
      comment: "src/i18n says the core's sentences and figures; the UI folders read it, never the reverse.",
      from: { path: '^src/i18n/' },
      to: { path: '^src/(app|canvas|panels|ui)/' },
    },
    {
      name: 'parts-never-import-the-shell',
      severity: 'error',
      comment: 'Canvas and panels are parts of the page; the page shell (src/app) assembles them.',
      from: { path: '^src/(canvas|panels)/' },
      to: { path: '^src/app/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
  },
};
