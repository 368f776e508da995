import { z } from 'zod';
import { create } from 'zustand';
import type { Design } from '../../core/design/design-types';
import { lessons } from '../../core/lessons/lesson-registry';

const STORAGE_KEY = 'compact-studio/learn';
const saved = z.object({ current: z.string(), done: z.array(z.string()) });

interface Progress {
  /** The lesson shown, by id. */
  readonly current: string;
  /** Lessons whose task check has passed once. */
  readonly done: readonly string[];
  /**
   * The design each lesson's "Open the example" put on the canvas, as it was placed (this visit only):
   * a task counts only once the student changed something after that.
   */
  readonly opened: Readonly<Record<string, Design>>;
  /** Lessons whose design the student changed since opening its example (this visit only). */
  readonly acted: readonly string[];
  go: (id: string) => void;
  markDone: (id: string) => void;
  /** The example was (re)opened as it comes: what the student does next counts, not what was there. */
  markOpened: (id: string, design: Design) => void;
  /** The student moved the knob or edited the lesson's design. */
  markActed: (id: string) => void;
}

function read(): { current: string; done: string[] } {
  const first = lessons[0]?.id ?? '';
  try {
    const parsed = saved.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'));
    if (!parsed.success) return { current: first, done: [] };
    const ids = new Set(lessons.map((l) => l.id));
    return {
      current: ids.has(parsed.data.current) ? parsed.data.current : first,
      done: parsed.data.done.filter((d) => ids.has(d)),
    };
  } catch {
    return { current: first, done: [] };
  }
}

/** The path's progress, kept in this browser: the lesson open and the tasks done. */
export const useProgress = create<Progress>((set, get) => ({
  ...read(),
  opened: {},
  acted: [],
  go: (current) => {
    set({ current });
  },
  markDone: (id) => {
    if (!get().done.includes(id)) set({ done: [...get().done, id] });
  },
  markOpened: (id, design) => {
    set({ opened: { ...get().opened, [id]: design }, acted: get().acted.filter((a) => a !== id) });
  },
  markActed: (id) => {
    if (!get().acted.includes(id)) set({ acted: [...get().acted, id] });
  },
}));

useProgress.subscribe((s) => {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ current: s.current, done: s.done }));
  } catch {
    // Progress is a convenience: a blocked storage only forgets it at the next visit.
  }
});
