import type { Slice, UiSlice } from './types';

let noticeSeq = 0;

export const createUiSlice: Slice<UiSlice> = (set, get) => ({
  theme: 'light',
  helpOpen: false,
  compareOpen: false,
  sideTab: 'inspector',
  openBlocks: [],
  collapsedGroups: [],
  notice: undefined,
  fitRequest: 0,
  weightsNotKept: undefined,
  saving: false,
  setSaving: (saving) => {
    if (get().saving !== saving) set({ saving });
  },
  setWeightsNotKept: (weightsNotKept) => {
    if (get().weightsNotKept !== weightsNotKept) set({ weightsNotKept });
  },
  connectFrom: undefined,
  setConnectFrom: (connectFrom) => {
    set({ connectFrom });
  },
  setTheme: (theme) => {
    set({ theme });
  },
  setHelpOpen: (helpOpen) => {
    set({ helpOpen });
  },
  setCompareOpen: (compareOpen) => {
    set({ compareOpen });
  },
  setSideTab: (sideTab) => {
    set({ sideTab });
  },
  toggleBlock(id) {
    const open = get().openBlocks;
    set({ openBlocks: open.includes(id) ? open.filter((b) => b !== id) : [...open, id] });
  },
  toggleGroup(path) {
    const shut = get().collapsedGroups;
    set({ collapsedGroups: shut.includes(path) ? shut.filter((g) => g !== path) : [...shut, path] });
  },
  setOpenBlocks: (openBlocks) => {
    set({ openBlocks });
  },
  notify: (notice) => {
    set({ notice: { ...notice, seq: ++noticeSeq } });
  },
  dismissNotice: () => {
    set({ notice: undefined });
  },
  requestFit: () => {
    set({ fitRequest: get().fitRequest + 1 });
  },
});
