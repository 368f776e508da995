import { insertAfter, paramsFromWire } from '../core/analysis/insert';
import { defaultParams, moveNodes } from '../core/design/edit';
import type { Design, PortRef, Position } from '../core/design/design-types';
import { findExample } from '../core/examples/example-registry';
import { findPreset } from '../core/presets/preset-registry';
import { layoutDesign } from '../canvas/auto-layout';
import { i18next } from '../i18n';
import { diagnosticText } from '../i18n/core-text';
import { sayMessage } from '../i18n/say';
import { exampleDesign, exampleMethod, presetDesign, presetTitle } from '../i18n/core-examples';
import { analysisOf } from '../state/analysis';
import type { CatalogueItem } from '../state/catalogue-item';
import { studio } from '../state/store';
import { openAsNewDocument } from '../ui/documents';
import { BLOCK_CARD_WIDTH, CARD_HEIGHT, CARD_WIDTH } from '../canvas/sizes';

/** What opening a built design says: when it cannot be built, and once it is open. */
interface OpenTexts {
  readonly failed: (message: string) => string;
  readonly opened: string;
}

/** Opens a built design (a preset or an example) as a readable graph, laid out, as a new document. */
async function openBuilt(say: OpenTexts, build: () => Design): Promise<void> {
  const store = studio.getState();
  let design: Design;
  try {
    design = await layoutDesign(build());
  } catch (e) {
    store.notify({ text: say.failed(e instanceof Error ? e.message : String(e)), tone: 'error' });
    return;
  }
  await openAsNewDocument(design, { text: say.opened, tone: 'info' });
}

/** Opens a preset by name. */
export async function openPreset(name: string): Promise<void> {
  const preset = findPreset(name);
  if (preset === undefined) {
    studio.getState().notify({ text: i18next.t('actions:open.noPreset', { name }), tone: 'error' });
    return;
  }
  const say = {
    failed: (message: string) => i18next.t('actions:open.presetFailed', { name, message }),
    opened: i18next.t('actions:open.preset', { title: presetTitle(preset) }),
  };
  await openBuilt(say, () => presetDesign(preset));
}

/** Opens a worked example by name. */
export async function openExample(name: string): Promise<void> {
  const example = findExample(name);
  if (example === undefined) {
    studio.getState().notify({ text: i18next.t('actions:open.noExample', { name }), tone: 'error' });
    return;
  }
  const say = {
    failed: (message: string) => i18next.t('actions:open.exampleFailed', { name, message }),
    opened: i18next.t('actions:open.example', { name: example.name, method: exampleMethod(example) }),
  };
  await openBuilt(say, () => exampleDesign(example));
}

/** Params for a palette item read off the wire it joins: depthwise convs take its channel count. */
function paramsFor(item: Extract<CatalogueItem, { type: 'node' }>, design: Design, from: PortRef) {
  const base = { ...defaultParams(item.kind), ...(item.params ?? {}) } as Readonly<Record<string, unknown>>;
  const analysis = analysisOf(design);
  if (item.depthwise !== true) return paramsFromWire(design, analysis, item.kind, base, from);
  const c = analysis.nodes.get(from.node)?.outputShapes?.[from.port]?.[1];
  return c === undefined ? base : { ...base, outChannels: c, groups: c };
}

/** Places an item at a point of the design (a drop), unconnected. */
export function placeItem(item: CatalogueItem, position: Position): void {
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
  store.addNode(item.kind, position, { params: { ...defaultParams(item.kind), ...item.params } as never });
}

const GAP = 28;
const STEP = CARD_HEIGHT + GAP;

/** Nodes that the new node now feeds, directly or not: they move down to make room for it. */
function downstreamOf(design: Design, id: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of design.edges) next.set(e.from.node, [...(next.get(e.from.node) ?? []), e.to.node]);
  const seen = new Set<string>();
  const stack = [...(next.get(id) ?? [])];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (seen.has(n) || n === id) continue;
    seen.add(n);
    stack.push(...(next.get(n) ?? []));
  }
  return seen;
}

/** The first point at or below `p` where a new card covers none of the design's cards. */
function clearSpot(design: Design, p: Position): Position {
  const taken = design.nodes.map((n) => n.position);
  const at = { ...p };
  const clash = () =>
    taken.some((q) => Math.abs(q.x - at.x) < BLOCK_CARD_WIDTH && Math.abs(q.y - at.y) < CARD_HEIGHT + 8);
  while (clash()) at.y += STEP;
  return at;
}

const labelOf = (design: Design, id: string): string => design.nodes.find((n) => n.id === id)?.label ?? id;

/** Where an item goes in: after a node (into the wires leaving its first output), or into one wire. */
export type InsertPoint = { readonly after: string } | { readonly wire: string };

/**
 * Adds a palette item after a node, as node editors insert: into the wire leaving its first output
 * (or into one wire: a wire selected, or a drop on it; what came after now follows the new node,
 * moved down to make room), or beside it as a branch. A node that cannot take what the wire
 * carries is left unconnected, and the reason is said at once with the repairs that exist, the
 * first one focused so Enter applies it.
 */
export function insertItem(
  item: Extract<CatalogueItem, { type: 'node' }>,
  at: InsertPoint,
  branch: boolean,
): void {
  const store = studio.getState();
  const design = store.design;
  const wire = 'wire' in at ? design.edges.find((e) => e.id === at.wire) : undefined;
  if ('wire' in at && wire === undefined) return;
  const from = wire?.from ?? { node: 'after' in at ? at.after : '', port: 0 };
  const anchor = design.nodes.find((n) => n.id === from.node);
  if (anchor === undefined) return;
  const position = branch
    ? { x: anchor.position.x + BLOCK_CARD_WIDTH + 2 * GAP, y: anchor.position.y + STEP }
    : { x: anchor.position.x, y: anchor.position.y + STEP };
  const params = paramsFor(item, design, from) as never;
  const placed = insertAfter(design, item.kind, position, from, {
    params,
    branch,
    ...(wire === undefined ? {} : { wire: wire.id }),
  });
  const name = labelOf(placed.design, placed.nodeId);
  /** Everything the new node now feeds moves down by one card, to make room for it. */
  const makeRoom = (d: Design): Design => {
    const below = downstreamOf(d, placed.nodeId);
    return moveNodes(
      d,
      new Map(
        d.nodes
          .filter((n) => below.has(n.id))
          .map((n) => [n.id, { x: n.position.x, y: n.position.y + STEP }]),
      ),
    );
  };
  if (placed.refused !== undefined) {
    // Not wired, so not drawn in the wire: beside it, where a branch would go, clear of other cards.
    const beside = { x: anchor.position.x + BLOCK_CARD_WIDTH + 2 * GAP, y: anchor.position.y + STEP };
    const aside = moveNodes(placed.design, new Map([[placed.nodeId, clearSpot(design, beside)]]));
    store.applyEdit(aside, [placed.nodeId]);
    store.revealNode(placed.nodeId);
    store.notify({
      text: i18next.t('actions:insert.refused', {
        name,
        before: anchor.label,
        reason: placed.problem === undefined ? placed.refused : diagnosticText(placed.problem),
      }),
      tone: 'error',
      actions: placed.fixes.map((f) => ({
        label: sayMessage(f.text),
        run: () => {
          const s = studio.getState();
          if (s.design !== aside) {
            s.notify({ text: i18next.t('actions:insert.stale'), tone: 'error' });
            return;
          }
          // A repair that adds a node of its own (a Flatten) puts it first: the new node goes below it.
          const added = f.design.nodes.some(
            (n) => n.id !== placed.nodeId && !aside.nodes.some((m) => m.id === n.id),
          );
          let fixed = branch ? f.design : makeRoom(f.design);
          if (added) {
            const moving = new Set([placed.nodeId, ...downstreamOf(fixed, placed.nodeId)]);
            fixed = moveNodes(
              fixed,
              new Map(
                fixed.nodes
                  .filter((n) => moving.has(n.id))
                  .map((n) => [n.id, { x: n.position.x, y: n.position.y + STEP }]),
              ),
            );
          }
          s.applyEdit(fixed, [placed.nodeId]);
          s.revealNode(placed.nodeId);
          s.notify({
            text: i18next.t('actions:insert.fixed', { fix: sayMessage(f.text), name, before: anchor.label }),
            tone: 'info',
          });
        },
      })),
    });
    return;
  }
  const next = branch ? placed.design : makeRoom(placed.design);
  store.applyEdit(next, [placed.nodeId]);
  store.revealNode(placed.nodeId); // the view follows the chain as it grows
  const followers = next.edges
    .filter((e) => e.from.node === placed.nodeId)
    .map((e) => labelOf(next, e.to.node));
  const inserted = branch
    ? i18next.t('actions:insert.branch', { name, before: anchor.label })
    : followers.length > 0
      ? i18next.t('actions:insert.between', {
          name,
          before: anchor.label,
          followers: followers.join(i18next.t('actions:insert.separator')),
        })
      : i18next.t('actions:insert.after', { name, before: anchor.label });
  const broke = placed.downstream[0];
  store.notify({
    text:
      broke === undefined
        ? inserted
        : i18next.t('actions:insert.breaks', {
            inserted,
            node: labelOf(next, broke.nodeId ?? ''),
            message: diagnosticText(broke),
          }),
    tone: broke === undefined ? 'info' : 'error',
  });
}

/**
 * Enter (or double-click) on a palette item: inserted after the selected node (Shift+Enter: as a
 * branch), or into the selected wire, else at the centre of the view, clear of the cards already there.
 */
export function activateItem(
  item: CatalogueItem,
  centre: Position,
  options: { branch?: boolean } = {},
): void {
  const store = studio.getState();
  const after = store.selectedNodes.length === 1 ? store.selectedNodes[0] : undefined;
  if (item.type === 'node' && after !== undefined) {
    insertItem(item, { after }, options.branch === true);
    return;
  }
  // One wire selected (and no card): the item goes into that wire.
  const wire =
    store.selectedNodes.length === 0 && store.selectedEdges.length === 1 ? store.selectedEdges[0] : undefined;
  if (item.type === 'node' && wire !== undefined && store.design.edges.some((e) => e.id === wire)) {
    insertItem(item, { wire }, options.branch === true);
    return;
  }
  const p = { x: Math.round(centre.x - CARD_WIDTH / 2), y: Math.round(centre.y - CARD_HEIGHT / 2) };
  placeItem(item, clearSpot(store.design, p));
}
