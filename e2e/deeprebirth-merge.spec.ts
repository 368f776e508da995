import { expect, test } from '@playwright/test';
import { CANVAS_TIMEOUT, Studio, startIn } from './pages/studio';

/**
 * DeepRebirth's merges applied from the Inspector on the worked example, in both languages: the
 * totals before and after each merge against closed forms written from the paper's rules, then Undo.
 */
const texts = {
  en: {
    example: 'DeepRebirth, merging non-weight layers into weight layers',
    streamline: 'Merge into conv (DeepRebirth streamline)',
    mergeConv: 'Merge into conv',
    branch: 'Merge branches (DeepRebirth branch merge)',
    mergeBranches: 'Merge branches',
    dismiss: 'Dismiss message',
    undoable: 'Undo takes it back.',
    learn: 'Learn',
    next: 'Next lesson',
    open: 'Open the example on the canvas',
    lesson: 'DeepRebirth: merging non-weight layers',
    done: 'Task: Done',
    notYet: 'Task: Not yet',
    inspector: 'Inspector',
  },
  zh: {
    example: 'DeepRebirth：把非权重层合并进权重层',
    streamline: '合并进卷积（DeepRebirth 流线合并）',
    mergeConv: '合并进卷积',
    branch: '合并分支（DeepRebirth 分支合并）',
    mergeBranches: '合并分支',
    dismiss: '关闭消息',
    undoable: '撤销可恢复。',
    learn: '学习',
    next: '下一课',
    open: '在画布上打开示例',
    lesson: 'DeepRebirth：合并非权重层',
    done: '任务: 已完成',
    notYet: '任务: 尚未完成',
    inspector: '属性',
  },
} as const;

// The example: 3×32×32 in; conv1 3×3 3 → 16, BN, ReLU, 2×2/2 max pool, 1×1 branches 8, 16, 8 and
// their Concat, conv2 3×3 32 → 32, ReLU; the method side has both merges applied already.
const HW = 32 * 32;
const Q = HW / 4;
const conv1 = (hw: number) => 16 * 3 * 9 * hw; // Li et al.: merged, conv1 takes the pool's stride 2
const rest = 16 * 32 * Q + 32 * 32 * 9 * Q; // the 1×1 branches (or their merge) and conv2
const mergedSide = conv1(Q) + rest;
const madds = {
  trained: conv1(HW) + rest + mergedSide,
  streamlined: conv1(Q) + rest + mergedSide, // 4× fewer in conv1 on the baseline side
};
// Memory access (docs/costs.md): conv in + out + weights, BN in + out + 2C, ReLU/pool/Concat in + out.
const tail = 32 * Q * 2 + 9 * 32 * 32 + 2 * 32 * Q;
const stem = (hw: number) => 3 * HW + 16 * hw + 27 * 16 + (2 * 16 * hw + 32) + 2 * 16 * hw;
const branches = [8, 16, 8].reduce((s, c) => s + 16 * Q + c * Q + 16 * c, 0) + 2 * 32 * Q;
const merged = 16 * Q + 32 * Q + 16 * 32;
const ma = {
  trained: stem(HW) + 16 * HW + 16 * Q + branches + tail,
  streamlined: stem(Q) + branches + tail,
  both: stem(Q) + merged + tail,
};
const exact = (n: number): string => new Intl.NumberFormat('en-US').format(n);

/** Closes every message on screen, so a screenshot shows what lies under them. */
for (const lang of ['en', 'zh'] as const)
  test(`DeepRebirth merges in the Inspector, figures before and after, Undo (${lang})`, async ({ page }) => {
    const t = texts[lang];
    const studio = new Studio(page);
    await startIn(page, lang);
    // The keyboard opens the example from the palette.
    await page.getByRole('button', { name: t.example, exact: true }).first().focus();
    await page.keyboard.press('Enter');
    await expect(studio.node('pool1')).toBeVisible({ timeout: CANVAS_TIMEOUT });
    await expect(studio.node('rebirth_pool1')).toHaveCount(0);

    await studio.node('pool1').click();
    const streamline = page.getByRole('region', { name: t.streamline });
    await expect(streamline).toBeVisible();
    expect(await studio.sideFigure(t.streamline, 'multiplyAdds', 0)).toBe(exact(madds.trained));
    expect(await studio.sideFigure(t.streamline, 'multiplyAdds', 1)).toBe(exact(madds.streamlined));
    expect(await studio.sideFigure(t.streamline, 'memoryAccess', 0)).toBe(exact(ma.trained + ma.both));
    expect(await studio.sideFigure(t.streamline, 'memoryAccess', 1)).toBe(exact(ma.streamlined + ma.both));
    expect(await studio.sideFigure(t.streamline, 'params', 1)).toBe(
      await studio.sideFigure(t.streamline, 'params', 0),
    );
    if (lang === 'zh') {
      // In Chinese only the method's and author's names and the layers' own names stay Latin.
      const words = (await streamline.innerText()).match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];
      expect(words.filter((w) => !/\d/.test(w) && w !== 'DeepRebirth' && w !== 'Li')).toEqual([]);
    }
    await studio.dismissAll(t.dismiss);
    await streamline.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/deeprebirth-streamline-${lang}.png` });
    // From the keyboard: the button takes Enter.
    await streamline.getByRole('button', { name: t.mergeConv, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(studio.node('pool1')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: t.undoable })).toContainText('pool1');
    await studio.dismissAll(t.dismiss);

    await studio.node('concat').click();
    const branch = page.getByRole('region', { name: t.branch });
    await expect(branch).toBeVisible();
    // The design as the streamline merge left it: the branch preview starts from it.
    expect(await studio.sideFigure(t.branch, 'multiplyAdds', 0)).toBe(exact(madds.streamlined));
    expect(await studio.sideFigure(t.branch, 'multiplyAdds', 1)).toBe(exact(madds.streamlined));
    expect(await studio.sideFigure(t.branch, 'memoryAccess', 0)).toBe(exact(ma.streamlined + ma.both));
    expect(await studio.sideFigure(t.branch, 'memoryAccess', 1)).toBe(exact(2 * ma.both));
    await branch.getByRole('button', { name: t.mergeBranches, exact: true }).click();
    await expect(studio.node('concat')).toHaveCount(0);
    await expect(studio.node('branch2')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: t.undoable })).toContainText('branch2');
    await page.screenshot({ path: `test-results/deeprebirth-merged-${lang}.png` });

    // One Undo per merge: the branches, then the pool, come back.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect(studio.node('concat')).toBeVisible();
    await expect(studio.node('pool1')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(studio.node('pool1')).toBeVisible();
    await studio.node('pool1').click();
    await expect(streamline).toBeVisible();
    expect(await studio.sideFigure(t.streamline, 'multiplyAdds', 0)).toBe(exact(madds.trained));
    await page.screenshot({ path: `test-results/deeprebirth-undone-${lang}.png` });
    studio.expectNoErrors();
  });

for (const lang of ['en', 'zh'] as const)
  test(`DeepRebirth's lesson is done once the baseline is merged from the Inspector (${lang})`, async ({
    page,
  }) => {
    const t = texts[lang];
    const studio = new Studio(page);
    await startIn(page, lang);
    await page.getByRole('tab', { name: t.learn }).click();
    const title = page.getByRole('heading', { name: t.lesson });
    for (let i = 0; i < 30 && !(await title.isVisible()); i++)
      await page.getByRole('button', { name: t.next }).click();
    await expect(title).toBeVisible();
    await page.getByRole('button', { name: t.open }).click();
    await expect(studio.node('pool1')).toBeVisible({ timeout: CANVAS_TIMEOUT });
    await expect(page.getByLabel(t.notYet)).toBeVisible();

    await page.getByRole('tab', { name: t.inspector }).click();
    await studio.node('pool1').click();
    await page.getByRole('region', { name: t.streamline }).getByRole('button', { name: t.mergeConv }).click();
    await expect(studio.node('pool1')).toHaveCount(0);
    await studio.node('concat').click();
    await page.getByRole('region', { name: t.branch }).getByRole('button', { name: t.mergeBranches }).click();
    await expect(studio.node('concat')).toHaveCount(0);

    await page.getByRole('tab', { name: t.learn }).click();
    await expect(page.getByLabel(t.done)).toBeVisible();
    await studio.dismissAll(t.dismiss);
    await page.screenshot({ path: `test-results/deeprebirth-lesson-done-${lang}.png` });
    studio.expectNoErrors();
  });
