import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../core/design/builder';
import { readCostPrefs, startCostPersistence } from './cost-persistence';
import { nodeMarksOf } from './cost-marks';
import { analysisOf } from './analysis';
import { memoryStorage } from './memory-storage';
import { createStudioStore } from './store';

function design() {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 16, height: 28, width: 28 }, []);
  g.output(g.add('Conv2d', { outChannels: 128, kernel: [1, 1], padding: [0, 0] }, [x], 'pw'));
  return g.design('cost test');
}

describe('cost slice', () => {
  it('keeps budgets, drops a cleared one, and pins the baseline', () => {
    const store = createStudioStore();
    store.getState().replaceDesign(design(), { fresh: true });
    store.getState().setBudget('params', 1000);
    store.getState().setBudget('multiplyAdds', 5e6);
    store.getState().setBudget('params', undefined);
    expect(store.getState().budgets).toEqual({ multiplyAdds: 5e6 });
    store.getState().pinBaseline();
    expect(store.getState().baseline).toBe(store.getState().design);
  });

  it('reveals a node: selects it and bumps the request', () => {
    const store = createStudioStore();
    store.getState().revealNode('n2');
    const first = store.getState().revealRequest?.seq ?? 0;
    store.getState().revealNode('n2');
    expect(store.getState().selectedNodes).toEqual(['n2']);
    expect(store.getState().revealRequest?.seq).toBe(first + 1);
  });

  it('makes quick successive scalings from one control one undo step', () => {
    const store = createStudioStore();
    const a = design();
    store.getState().replaceDesign(a, { fresh: true });
    const b = { ...a, name: 'b' };
    const c = { ...a, name: 'c' };
    store.getState().applyScaledDesign(b, 'width');
    store.getState().applyScaledDesign(c, 'width');
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.temporal.getState().undo();
    expect(store.getState().design).toBe(a);
  });

  it('persists budgets, the FLOPs toggle and the baseline, and ignores damaged storage', () => {
    const storage = memoryStorage();
    const store = createStudioStore();
    store.getState().replaceDesign(design(), { fresh: true });
    startCostPersistence(store, storage);
    store.getState().setShowFlops(true);
    store.getState().setBudget('peakActivations', 2e6);
    store.getState().pinBaseline();
    const prefs = readCostPrefs(storage);
    expect(prefs.showFlops).toBe(true);
    expect(prefs.budgets).toEqual({ peakActivations: 2e6 });
    expect(prefs.baseline?.nodes).toHaveLength(3);
    const again = createStudioStore();
    startCostPersistence(again, storage);
    expect(again.getState().budgets).toEqual({ peakActivations: 2e6 });
    expect(again.getState().showFlops).toBe(true);
    storage.setItem('compact-studio/cost', '{"budgets":{"params":-3}}');
    expect(readCostPrefs(storage)).toEqual({});
    storage.setItem('compact-studio/cost', 'not json');
    expect(readCostPrefs(storage)).toEqual({});
  });

  it('marks nodes with their hints and, over budget, as costly', () => {
    const a = analysisOf(design());
    const pw = a.design.nodes.find((n) => n.label === 'pw')?.id ?? '';
    expect(
      nodeMarksOf(a, {})
        .get(pw)
        ?.hints.map((h) => h.guideline),
    ).toEqual(['G1']);
    const budgets = { multiplyAdds: 1000 };
    const marks = nodeMarksOf(a, budgets).get(pw);
    expect(marks?.costly).toEqual([{ figure: 'multiplyAdds', share: 1 }]);
    expect(nodeMarksOf(a, budgets)).toBe(nodeMarksOf(a, budgets));
  });
});
