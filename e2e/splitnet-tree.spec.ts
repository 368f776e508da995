import { expect, test } from '@playwright/test';
import { Studio, startIn } from './pages/studio';

/**
 * SplitNet's tree from the Cost tab (Kim et al. 2017): two levels of two groups after conv1_relu
 * and conv2_relu of the small CNN, with the class-to-group assignment as data. The figures are
 * counted here by hand: 3×3 convs without bias, batch norm γ and β per channel, a copy at level j
 * holding 1/G_j of its widths (block-diagonal weights), each leaf's classifier over its own classes.
 */
const conv = (cin: number, cout: number): number => cin * cout * 9;
const unsplitParams = conv(3, 32) + 64 + conv(32, 64) + 128 + conv(64, 64) + 128 + 64 * 10 + 10;
const treeParams = conv(3, 32) + 64 + 2 * conv(16, 32) + 128 + 4 * conv(16, 16) + 128 + 17 * 10;
const unsplitMadds = conv(3, 32) * 1024 + conv(32, 64) * 256 + conv(64, 64) * 256 + 640;
const treeMadds = conv(3, 32) * 1024 + 2 * conv(16, 32) * 256 + 4 * conv(16, 16) * 256 + 160;
const n = (v: number): string => v.toLocaleString('en-US');

const words = {
  en: {
    example: 'MorphNet, uniform expansion',
    opened: '(MorphNet, uniform expansion) as a new design.',
    cost: 'Cost',
    section: 'Split into groups',
    at: (j: number) => `Level ${j}: split after`,
    add: 'Add a level',
    assign: 'Classes of the 4 leaves',
    bad: 'Write each leaf’s classes as whole numbers',
    twice: 'conv1_relu',
    build: 'Build the tree',
    preview: `4 leaves: params ${n(unsplitParams)} → ${n(treeParams)}, multiply-adds ${n(unsplitMadds)} → ${n(treeMadds)}.`,
  },
  zh: {
    example: 'MorphNet：均匀扩展',
    opened: '“MorphNet：均匀扩展”打开为新设计。',
    cost: '代价',
    section: '拆分为分组',
    at: (j: number) => `第 ${j} 层：拆分位置（之后）`,
    add: '添加一层',
    assign: '4 个叶子的类别',
    bad: '请把每个叶子的类别写成用逗号分隔的整数',
    twice: 'conv1_relu',
    build: '构建拆分树',
    preview: `4 个叶子：参数量 ${n(unsplitParams)} → ${n(treeParams)}，乘加数 ${n(unsplitMadds)} → ${n(treeMadds)}。`,
  },
} as const;

for (const lang of ['en', 'zh'] as const)
  test(`the Cost tab builds a two-level SplitNet tree with an assignment, ${lang}`, async ({ page }) => {
    const w = words[lang];
    await startIn(page, lang);
    const studio = new Studio(page);
    await page.getByRole('button', { name: w.example, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: w.opened })).toBeVisible();
    await page.getByRole('tab', { name: w.cost }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByText(w.section, { exact: true }).click();
    await panel.getByRole('combobox', { name: w.at(1) }).selectOption({ label: 'conv1_relu' });
    await panel.getByRole('button', { name: w.add }).click();
    // A second level after the same node is refused in one sentence, naming it.
    await panel.getByRole('combobox', { name: w.at(2) }).selectOption({ label: 'conv1_relu' });
    await expect(panel.locator('.cost-split-tree .cost-error')).toContainText(w.twice);
    await expect(panel.getByRole('button', { name: w.build })).toBeDisabled();
    await panel.getByRole('combobox', { name: w.at(2) }).selectOption({ label: 'conv2_relu' });
    await panel.getByRole('textbox', { name: w.assign }).fill('0,8/1,x');
    await expect(panel.locator('.cost-split-tree .cost-error')).toContainText(w.bad);
    await panel.getByRole('textbox', { name: w.assign }).fill('0,8/1,9/2,4,6/3,5,7');
    await expect(panel.getByTestId('split-tree-preview')).toHaveText(w.preview);
    await page.screenshot({ path: `test-results/splitnet-tree-form-${lang}.png` });
    await panel.getByRole('button', { name: w.build }).click();
    // The tree: 2 copies of conv2 after the first split, 4 leaves of conv3 and fc, merged in class
    // order. The canvas draws what is in view; the level's list names every node of the design.
    for (const label of ['conv2_g1', 'conv2_g2', 'conv3_g1_1', 'conv3_g2_2'])
      await expect(studio.nodes.filter({ hasText: label })).not.toHaveCount(0);
    const listed = await panel
      .getByRole('combobox', { name: w.at(1) })
      .locator('option')
      .allTextContents();
    expect(listed.filter((l) => l.startsWith('fc'))).toEqual([
      'fc_g1_1',
      'fc_g1_2',
      'fc_g2_1',
      'fc_g2_2',
      'fc_classes',
    ]);
    await page.screenshot({ path: `test-results/splitnet-tree-${lang}.png` });
  });
