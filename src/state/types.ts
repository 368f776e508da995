import type { StateCreator } from 'zustand';
import type { Fragment } from '../core/design/edit';
import type { Design, DesignNode, PortRef, Position } from '../core/design/design-types';
import type { NodeKind } from '../core/design/design-types';
import type { Verdict } from './connection';

export type Theme = 'light' | 'dark';
export type SideTab = 'inspector' | 'cost' | 'run' | 'train' | 'learn';

/** A short message for the user; `at` puts it at a screen point (the cursor), else in the corner. */
export interface Notice {
  readonly seq: number;
  readonly text: string;
  readonly tone: 'info' | 'error';
  readonly at?: { readonly x: number; readonly y: number };
  /** Longer lines, such as every problem found in a file. */
  readonly details?: readonly string[];
  /** One-step repairs offered with the message ("Add a Flatten first"); the first takes focus. */
  readonly actions?: readonly NoticeAction[];
  /**
   * The first action does not take the focus (the notice answers typing in a field, or says where
   * the design before went); such a notice goes after a while, like one without actions.
   */
  readonly keepFocus?: boolean;
}

export interface NoticeAction {
  readonly label: string;
  readonly run: () => void;
}

/** A saved selection the user can insert again ("My blocks"). */
export interface UserBlock {
  readonly id: string;
  readonly name: string;
  readonly fragment: Fragment;
}

export interface AddOptions {
  readonly params?: DesignNode['params'];
  readonly label?: string;
  /** Connect the new node after this one (its first free-fitting output to input 1). */
  readonly after?: string;
}

export interface DesignSlice {
  design: Design;
  /** Open a whole design (file, preset, share link); undoable unless `fresh`. */
  replaceDesign: (design: Design, options?: { fresh?: boolean }) => void;
  renameDesign: (name: string) => void;
  addNode: (kind: NodeKind, position: Position, options?: AddOptions) => string;
  connectPorts: (from: PortRef, to: PortRef) => Verdict;
  /** Deletes the selection; chains whose input and output shapes agree are bridged. */
  removeSelected: () => void;
  /** "Repeat ×N": a unit becomes a stage of N units in place (a stage changes its count). */
  repeatAsStage: (id: string, repeats: number) => void;
  /** An edit computed elsewhere (an insertion, a repair): one undo step, optionally selecting nodes. */
  applyEdit: (design: Design, select?: readonly string[]) => void;
  /** `coalesce` merges quick successive edits of one field into one undo step. */
  setParams: (id: string, patch: Readonly<Record<string, unknown>>, coalesce?: string) => void;
  renameNode: (id: string, label: string) => string | undefined;
  moveNodes: (positions: ReadonlyMap<string, Position>) => void;
  insertFragment: (fragment: Fragment, offset: Position) => string[];
  duplicateSelected: () => void;
}

/** One design in the list of documents (File → Recent designs). */
export interface DocumentMeta {
  readonly id: string;
  readonly name: string;
  /** When it was last edited (ms since 1970). */
  readonly editedAt: number;
  /** A picture of its layout (an SVG data URL). */
  readonly thumbnail: string;
  /** When it was deleted: it stays (and can be brought back) until the next start. */
  readonly deletedAt?: number;
}

/** A document's undo and redo steps, oldest first. */
export interface DocumentHistory {
  readonly past: readonly Design[];
  readonly future: readonly Design[];
}

export interface DocumentsSlice {
  /** The open document's id (a design keeps it through every edit; opening another changes it). */
  documentId: string;
  /** Every document in this browser, deleted ones included until the next start. */
  documents: readonly DocumentMeta[];
  /**
   * Opens a design as a document: a new one (no `id`), or a saved one with its undo history.
   * The document open before stays in the list. Returns the id of the one open before.
   */
  openDocument: (design: Design, options?: { id?: string; history?: DocumentHistory }) => string;
  /** Says an edit of the open document happened now (name, time, picture). */
  touchDocument: (design: Design) => void;
  /** Marks a document deleted (never the open one): false when refused. */
  deleteDocument: (id: string) => boolean;
  restoreDocument: (id: string) => void;
  setDocuments: (documents: readonly DocumentMeta[]) => void;
}

export interface SelectionSlice {
  selectedNodes: readonly string[];
  selectedEdges: readonly string[];
  select: (nodes: readonly string[], edges?: readonly string[]) => void;
  selectAll: () => void;
}

export interface UiSlice {
  theme: Theme;
  helpOpen: boolean;
  /** The comparison of two designs is open. */
  compareOpen: boolean;
  sideTab: SideTab;
  /** Blocks shown open in place. */
  openBlocks: readonly string[];
  /** Module groups of an imported model shown collapsed, by module path. */
  collapsedGroups: readonly string[];
  notice: Notice | undefined;
  /** The node whose output is being connected from the keyboard (the connect dialog is open). */
  connectFrom: string | undefined;
  setConnectFrom: (id: string | undefined) => void;
  /** Bumped to ask the canvas to fit the view (after a new design is opened). */
  fitRequest: number;
  /**
   * Why the design's imported weights are not kept in this browser (storage refused them), or
   * undefined when they are (or there are none). Every view of results from them says so.
   */
  weightsNotKept: string | undefined;
  /** Whether the autosave is writing (a reload now could lose the last change). */
  saving: boolean;
  setSaving: (saving: boolean) => void;
  setWeightsNotKept: (reason: string | undefined) => void;
  setTheme: (theme: Theme) => void;
  setHelpOpen: (open: boolean) => void;
  setCompareOpen: (open: boolean) => void;
  setSideTab: (tab: SideTab) => void;
  toggleBlock: (id: string) => void;
  setOpenBlocks: (ids: readonly string[]) => void;
  toggleGroup: (path: string) => void;
  notify: (notice: Omit<Notice, 'seq'>) => void;
  dismissNotice: () => void;
  requestFit: () => void;
}

export interface LibrarySlice {
  userBlocks: readonly UserBlock[];
  saveSelectionAsBlock: (name: string) => UserBlock | undefined;
  removeUserBlock: (id: string) => void;
}

/**
 * The whole store: the slices above, and the cost, run and train slices, which merge themselves in
 * beside their own code (`declare module './types'`), so that this file imports none of them.
 */
export interface StudioState extends DesignSlice, DocumentsSlice, SelectionSlice, UiSlice, LibrarySlice {}

/** What undo and redo restore: the document only, never the selection or the view. */
export interface Tracked {
  design: Design;
}

export type Slice<T> = StateCreator<StudioState, [['temporal', unknown]], [], T>;
