import { defaultParams } from '../core/graph/edit';
import type { Design, Position } from '../core/graph/types';
import { findExample } from '../core/examples/registry';
import { findPreset } from '../core/presets/registry';
import { layoutDesign } from '../canvas/auto-layout';
import { analysisOf } from '../state/analysis';
import type { CatalogueItem } from '../state/catalogue-item';
import { studio } from '../state/store';
import { CARD_HEIGHT, CARD_WIDTH } from '../canvas/sizes';

/** Opens a built design (a preset or an example) as a readable graph: laid out, blocks closed, one undo step. */
async function openBuilt(what: string, title: string, build: () => Design): Promise<void> {
  const store = studio.getState();
  let design: Design;
  try {
    design = await layoutDesign(build());
  } catch (e) {
    store.notify({
      text: `The ${what} could not be built: ${e instanceof Error ? e.message : String(e)}`,
      tone: 'error',
    });
    return;
  }
  studio.getState().replaceDesign(design);
  studio.getState().requestFit();
  studio
    .getState()
    .notify({ text: `Opened ${title}. Undo (Ctrl+Z) brings back the previous design.`, tone: 'info' });
}

/** Opens a preset by name. */
export async function openPreset(name: string): Promise<void> {
  const preset = findPreset(name);
  if (preset === undefined) {
    studio.getState().notify({ text: `There is no preset called ${name}.`, tone: 'error' });
    return;
  }
  await openBuilt(`preset ${name}`, preset.title, () => preset.build());
}

/** Opens a worked example by name. */
export async function openExample(name: string): Promise<void> {
  const example = findExample(name);
  if (example === undefined) {
    studio.getState().notify({ text: `There is no example called ${name}.`, tone: 'error' });
    return;
  }
  await openBuilt(`example ${name}`, `the example ${example.name} (${example.method})`, () =>
    example.build(),
  );
}

/** Params for an item placed after `after`: depthwise convs take that node's channel count. */
function paramsFor(
  item: Extract<CatalogueItem, { type: 'node' }>,
  design: Design,
  after: string | undefined,
) {
  const base = { ...(item.params ?? {}) };
  if (item.depthwise !== true || after === undefined) return base;
  const c = analysisOf(design).nodes.get(after)?.outputShapes?.[0]?.[1];
  return c === undefined ? base : { ...base, outChannels: c, groups: c };
}

/** Places an item at a point of the design (a drop), or after the selected node when `after` is given. */
export function placeItem(item: CatalogueItem, position: Position, after?: string): void {
  const store = studio.getState();
  if (item.type === 'preset') {
    void openPreset(item.name);
    return;
  }
  if (item.type === 'example') {
    void openExample(item.name);
    return;
  }
  if (item.type === 'user') {
    const block = store.userBlocks.find((b) => b.id === item.id);
    if (block !== undefined) store.insertFragment(block.fragment, position);
    return;
  }
  const params = { ...defaultParams(item.kind), ...paramsFor(item, store.design, after) } as never;
  store.addNode(item.kind, position, after === undefined ? { params } : { params, after });
}

/** Enter or double-click on a palette item: at the centre of the view, connected after the selection. */
export function activateItem(item: CatalogueItem, centre: Position): void {
  const store = studio.getState();
  const after = store.selectedNodes.length === 1 ? store.selectedNodes[0] : undefined;
  const taken = new Set(
    store.design.nodes.map((n) => `${Math.round(n.position.x)},${Math.round(n.position.y)}`),
  );
  const p = { x: Math.round(centre.x - CARD_WIDTH / 2), y: Math.round(centre.y - CARD_HEIGHT / 2) };
  while (taken.has(`${p.x},${p.y}`)) p.y += CARD_HEIGHT + 24;
  placeItem(item, p, after);
}
