import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CostPanel } from './pages/cost-panel';
import { Studio } from './pages/studio';
import { FASHION_MNIST_CLASSES } from '../src/core/train/data';

/**
 * SplitNet learned in the Train tab (Kim et al. 2017): the small CNN trains a few steps with the
 * split's terms on the Fashion-MNIST subset, is split after pool1 into 2 and after pool2 into 2
 * (4 leaves), fine-tunes, and becomes the design; Undo brings the unsplit design back. The params
 * are counted here: 3×3 convs without bias (pointwise 1×1), batch norm γ and β per channel, a copy
 * at level j holding 1/G_j of its widths, each leaf's classifier over its 16 features and its own
 * classes (whatever the assignment learned, the leaves' classes are the 10 classes once each).
 */
const TRAIN_TIMEOUT = 300_000;
const conv = (cin: number, cout: number, k = 3): number => cin * cout * k * k;
const unsplit = conv(1, 16) + 32 + 16 * 9 + 32 + conv(16, 32, 1) + 64 + conv(32, 64) + 128 + 64 * 10 + 10;
const tree =
  conv(1, 16) + 32 + 2 * 8 * 9 + 32 + 2 * conv(8, 16, 1) + 64 + 4 * conv(8, 16) + 128 + 16 * 10 + 10;
const n = (v: number): string => v.toLocaleString('en-US');

const words = {
  en: {
    train: 'Train',
    section: 'SplitNet',
    learn: /Learn a split into groups while training/,
    at: (j: number) => `Level ${j}: split after`,
    add: 'Add a level',
    grouping: 'Grouping steps (with the terms)',
    fineTune: 'Fine-tuning steps (split design; 0: none)',
    balance: 'Balance term γ₃',
    preview: `4 leaves: params ${n(unsplit)} → ${n(tree)}`,
  },
  zh: {
    train: '训练',
    section: 'SplitNet',
    learn: /训练时学习分组拆分/,
    at: (j: number) => `第 ${j} 层：拆分位置（之后）`,
    add: '添加一层',
    grouping: '分组训练步数（带正则项）',
    fineTune: '微调步数（拆分后的设计；0：不微调）',
    balance: '均衡项 γ₃',
    preview: `4 个叶子：参数量 ${n(unsplit)} → ${n(tree)}`,
  },
} as const;

/** The Train tab on the small CNN, in a language and a theme, with the SplitNet section set up. */
async function openSection(page: Page, lang: 'en' | 'zh', theme: 'light' | 'dark') {
  const w = words[lang];
  const studio = new Studio(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await studio.openDesign(readFileSync('fixtures/train/small-cnn.json', 'utf8'), lang);
  if (theme === 'dark') await page.getByRole('button', { name: /Dark theme|深色主题/ }).click();
  await page.getByRole('tab', { name: w.train }).click();
  const panel = page.getByRole('tabpanel', { name: w.train });
  const section = panel.getByRole('group', { name: w.section });
  // From the keyboard: the checkbox takes Space.
  const learn = section.getByRole('checkbox', { name: w.learn });
  await learn.focus();
  await page.keyboard.press('Space');
  await expect(learn).toBeChecked();
  await section.getByRole('combobox', { name: w.at(1) }).selectOption({ label: 'pool1' });
  await section.getByRole('button', { name: w.add }).click();
  await section.getByRole('combobox', { name: w.at(2) }).selectOption({ label: 'pool2' });
  await expect(section.getByTestId('train-split-preview')).toContainText(w.preview);
  await expect(section.getByRole('spinbutton', { name: w.balance })).toHaveValue('10');
  return { studio, panel, section, learn };
}

test('learns a SplitNet split in the Train tab, puts the tree into the design, and Undo restores it', async ({
  page,
}) => {
  test.setTimeout(TRAIN_TIMEOUT + 60_000);
  const { studio, panel, section, learn } = await openSection(page, 'en', 'light');
  await section.getByRole('spinbutton', { name: words.en.grouping }).fill('6');
  await section.getByRole('spinbutton', { name: words.en.fineTune }).fill('4');
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: 'test-results/train-splitnet-light.png' });
  await panel.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(panel.getByRole('status').filter({ hasText: /^Trained/ })).toBeVisible({
    timeout: TRAIN_TIMEOUT,
  });
  // The curve went on through grouping and fine-tuning: 6 + 4 steps.
  await expect(panel.getByText(/step 10 of 10/)).toBeVisible();
  const learned = section.getByRole('status', { name: 'SplitNet' });
  await expect(learned).toContainText('Learned assignment of the classes to the 4 leaves:');
  await expect(learned).toContainText(`params ${n(unsplit)} → ${n(tree)}`);
  await expect(learned).toContainText('fine-tuned 4 steps');
  const leaves = await learned.getByRole('listitem').allTextContents();
  expect(leaves).toHaveLength(4);
  const classes = leaves.flatMap((l) => l.replace(/^Leaf \d: /, '').split(', '));
  expect([...classes].sort()).toEqual([...FASHION_MNIST_CLASSES].sort());
  await learned.scrollIntoViewIfNeeded();
  await section.screenshot({ path: 'test-results/train-splitnet-learned-light.png' });
  // The section was switched off by the split; the tree itself cannot be split again, which it says.
  await expect(learn).not.toBeChecked();
  await learn.check();
  await expect(section.getByRole('alert')).toHaveText(
    'This design cannot learn a split: no node has a SplitNet tree of two groups after it that training can follow.',
  );
  await learn.uncheck();

  // The Cost tab's totals are the split tree's, counted above; Undo brings back the unsplit design.
  const cost = new CostPanel(page);
  await cost.open();
  await expect(cost.total('params').getByLabel(`Params: ${n(tree)}`)).toBeVisible();
  await studio.undo();
  await expect(cost.total('params').getByLabel(`Params: ${n(unsplit)}`)).toBeVisible();
  studio.expectNoErrors();
});

test('the SplitNet section in Chinese and the dark theme', async ({ page }) => {
  const { section } = await openSection(page, 'zh', 'dark');
  await section.getByRole('spinbutton', { name: words.zh.grouping }).fill('0');
  await expect(section.getByText('分组训练步数（带正则项）需要 1 到 1000000 之间的整数。')).toBeVisible();
  await section.getByRole('spinbutton', { name: words.zh.grouping }).fill('200');
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: 'test-results/train-splitnet-dark-zh.png' });
});
