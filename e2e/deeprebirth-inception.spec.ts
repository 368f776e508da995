import { expect, test, type Locator } from '@playwright/test';
import { CANVAS_TIMEOUT, Studio, startIn } from './pages/studio';

/**
 * DeepRebirth's branch slimming of GoogLeNet's inception (3a) from the Inspector, in both languages:
 * the inception merge, then the reductions halved, each against closed forms written from Szegedy et
 * al.'s Table 1 widths and Li et al.'s merge, then Undo.
 */
const texts = {
  en: {
    example: 'DeepRebirth, merging the branches of an inception module',
    inception: 'Merge inception branches (DeepRebirth branch slimming)',
    merge: 'Merge inception branches',
    slim: 'Slim the reductions (DeepRebirth branch slimming)',
    slimButton: 'Slim the reductions',
    keep: 'Share of each reduction kept (%)',
    mergedAlready: 'merged already',
    dismiss: 'Dismiss message',
    undoable: 'Undo takes it back.',
    colon: ': ',
  },
  zh: {
    example: 'DeepRebirth：合并 Inception 模块的分支',
    inception: '合并 Inception 分支（DeepRebirth 分支瘦身）',
    merge: '合并 Inception 分支',
    slim: '降维层瘦身（DeepRebirth 分支瘦身）',
    slimButton: '降维层瘦身',
    keep: '每个降维层保留的比例（%）',
    mergedAlready: '已经合并过了',
    dismiss: '关闭消息',
    undoable: '撤销可恢复。',
    colon: '：',
  },
} as const;

// Inception (3a), Szegedy et al. 2015 Table 1: 192×28×28 in; #1×1 64, #3×3 reduce 96, #3×3 128,
// #5×5 reduce 16, #5×5 32, pool proj 32; every conv with a bias. The example's method side is merged
// already (Li et al.: 3×3 of 64 + 128, 5×5 of 32 + 32); the baseline side is merged here.
const HW = 28 * 28;
const table1 = 192 * 64 + 192 * 96 + 96 * 9 * 128 + 192 * 16 + 16 * 25 * 32 + 192 * 32; // 159K
const merged = 192 * 96 + 96 * 9 * 192 + 192 * 16 + 16 * 25 * 64;
const halved = 192 * 48 + 48 * 9 * 192 + 192 * 8 + 8 * 25 * 64; // the reductions 96 → 48, 16 → 8
const biases = 64 + 96 + 128 + 16 + 32 + 32;
const madds = { trained: (table1 + merged) * HW, merged: 2 * merged * HW, slimmed: (merged + halved) * HW };
const params = {
  trained: table1 + merged + 2 * biases,
  merged: 2 * (merged + biases),
  slimmed: merged + biases + halved + (48 + 192 + 8 + 64),
};
const exact = (n: number): string => new Intl.NumberFormat('en-US').format(n);

/**
 * Selects a node until the Inspector shows the section: a click during the canvas's re-render after
 * an Undo or an open can land as the card moves (on a busy machine), so it is tried again.
 */
async function selectFor(studio: Studio, label: string, section: Locator): Promise<void> {
  await expect(async () => {
    await studio.node(label).click();
    await expect(section).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

for (const lang of ['en', 'zh'] as const)
  test(`DeepRebirth merges inception (3a) and slims its reductions in the Inspector, Undo (${lang})`, async ({
    page,
  }) => {
    const t = texts[lang];
    const studio = new Studio(page);
    await startIn(page, lang);
    // The keyboard opens the example from the palette.
    await page.getByRole('button', { name: t.example, exact: true }).first().focus();
    await page.keyboard.press('Enter');
    await expect(studio.node('inception_3a')).toBeVisible({ timeout: CANVAS_TIMEOUT });
    await expect(studio.node('rebirth_pool_proj')).toHaveCount(0);

    const inception = page.getByRole('region', { name: t.inception });
    await selectFor(studio, 'inception_3a', inception);
    expect(await studio.sideFigure(t.inception, 'multiplyAdds', 0)).toBe(exact(madds.trained));
    expect(await studio.sideFigure(t.inception, 'multiplyAdds', 1)).toBe(exact(madds.merged));
    expect(await studio.sideFigure(t.inception, 'params', 0)).toBe(exact(params.trained));
    expect(await studio.sideFigure(t.inception, 'params', 1)).toBe(exact(params.merged));
    await expect(inception).toContainText(`3x3${t.colon}128 → 192`);
    await expect(inception).toContainText(`5x5${t.colon}32 → 64`);
    if (lang === 'zh') {
      // In Chinese only the method's, the module's (upper-cased in the heading) and the author's names
      // and layer names stay Latin.
      const words = (await inception.innerText()).match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];
      const latin = new Set([
        'DeepRebirth',
        'Inception',
        'INCEPTION',
        'Li',
        'pool',
        'relu_pool_proj',
        'pool_proj',
      ]);
      expect(words.filter((w) => !/\d/.test(w) && !latin.has(w))).toEqual([]);
    }
    await studio.dismissAll(t.dismiss);
    await inception.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/deeprebirth-inception-${lang}.png` });
    await inception.getByRole('button', { name: t.merge, exact: true }).click();
    await expect(studio.node('pool_proj')).toHaveCount(0);
    await expect(studio.node('1x1')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: t.undoable })).toContainText('pool_proj');
    await studio.dismissAll(t.dismiss);

    // Merged: nothing left to merge; the reductions can be slimmed, by half as offered.
    await selectFor(studio, 'inception_3a', inception);
    await expect(inception).toContainText(t.mergedAlready);
    const slim = page.getByRole('region', { name: t.slim });
    await expect(slim.getByLabel(t.keep)).toHaveValue('50');
    expect(await studio.sideFigure(t.slim, 'multiplyAdds', 0)).toBe(exact(madds.merged));
    expect(await studio.sideFigure(t.slim, 'multiplyAdds', 1)).toBe(exact(madds.slimmed));
    expect(await studio.sideFigure(t.slim, 'params', 1)).toBe(exact(params.slimmed));
    await expect(slim).toContainText(`3x3_reduce${t.colon}96 → 48`);
    await slim.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/deeprebirth-slim-${lang}.png` });
    // A quarter: 96 → 24, 16 → 4.
    await slim.getByLabel(t.keep).fill('25');
    await expect(slim).toContainText(`3x3_reduce${t.colon}96 → 24`);
    await slim.getByLabel(t.keep).fill('50');
    await slim.getByRole('button', { name: t.slimButton, exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: t.undoable })).toContainText('3x3_reduce');
    await studio.dismissAll(t.dismiss);
    await selectFor(studio, 'inception_3a', slim);
    expect(await studio.sideFigure(t.slim, 'multiplyAdds', 0)).toBe(exact(madds.slimmed));

    // One Undo per edit: the slimming, then the merge, go back.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect(studio.node('1x1')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(studio.node('1x1')).toBeVisible();
    await selectFor(studio, 'inception_3a', inception);
    expect(await studio.sideFigure(t.inception, 'multiplyAdds', 0)).toBe(exact(madds.trained));
    studio.expectNoErrors();
  });
