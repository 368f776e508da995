import { expect, test, type Page } from '@playwright/test';
import { openInLanguage, readOpenDocument } from './pages/studio';

/**
 * Every screen in Chinese, read as a reader sees and hears it (page text, titles, accessible names,
 * placeholders): the default design, every side tab, the inspector on a node and a block, Run after a
 * run, Train with its results view, Learn with a lesson, Compare, the File and View menus and every
 * dialog they open, the notices after an open and an export, and the errors of a broken ONNX file and of
 * groups that do not divide. It fails on any Latin word outside the allow-list below, on M/K/G number
 * suffixes beside 万/亿 (Chinese counts in 万 and 亿), on integers written with ".0000", and on internal
 * codes (kebab-case, such as design-invalid) in what a reader sees.
 */

/**
 * Latin words that stay as written in Chinese: op, network, paper, library and format names, author
 * names, units, key names. Words of prose ("widths", "Table") are never here.
 */
const allowed = new Set([
  // Formats, libraries, runtimes, hardware.
  'ONNX',
  'PyTorch',
  'TensorFlow.js',
  'torchvision',
  'ImageNet',
  'Fashion-MNIST',
  'MNIST',
  'Zalando',
  'MIT',
  'WebGPU',
  'WASM',
  'SIMD',
  'CPU',
  'GPU',
  'JSON',
  'PNG',
  'SVG',
  'zip',
  'idx',
  'gzip',
  'safetensors',
  'Worker',
  'IndexedDB',
  'float32',
  'ImageFolder',
  'Compact',
  'Studio',
  // Ops and layers as papers and frameworks name them.
  'Conv',
  'Conv2d',
  'ReLU',
  'ReLU6',
  'PReLU',
  'LeakyReLU',
  'Sigmoid',
  'HardSwish',
  'Swish',
  'SiLU',
  'Softmax',
  'BN',
  'BatchNorm',
  'Linear',
  'Dropout',
  'Flatten',
  'Concat',
  'Add',
  'Mul',
  'Gemm',
  'MatMul',
  'Reshape',
  'Transpose',
  'Slice',
  'Split',
  'Shift',
  'Fire',
  'SE',
  'FC',
  'FLOPs',
  'MACs',
  'SGD',
  'Adam',
  'AdamW',
  'He',
  'Xavier',
  'Top',
  'epsilon',
  'swish',
  'sigmoid',
  'Hard-swish',
  'Hard-sigmoid',
  'hard-swish',
  'depthwise',
  'pointwise',
  'WebAssembly',
  'opset',
  'fc',
  'min',
  'max',
  'English',
  'CNN',
  'MAC',
  'MFLOPs',
  'CSR',
  // Symbols of the papers' formulas.
  'Cin',
  'Cout',
  'kh',
  'kw',
  'Dk',
  'DF',
  'hw',
  'nnz',
  // Networks and methods named by their papers.
  'MobileNet',
  'MobileNets',
  'MobileNetV1',
  'MobileNetV2',
  'MobileNetV3',
  'ShuffleNet',
  'ShuffleNetV2',
  'SqueezeNet',
  'SqueezeNext',
  'EfficientNet',
  'GhostNet',
  'Ghost',
  'ResNet',
  'ResNeXt',
  'Xception',
  'MnasNet',
  'MorphNet',
  'SplitNet',
  'NestedNet',
  'DeepRebirth',
  'LCCL',
  'LCNN',
  'FLGC',
  'ChannelNets',
  'IGCV',
  'IGC',
  'SSL',
  'MBConv',
  'Inception',
  'AlexNet',
  'VGG',
  'GoogLeNet',
  'NIN',
  'DenseNet',
  'CondenseNet',
  'BinaryConnect',
  'XNOR',
  'Net',
  'Network',
  'in',
  // Authors.
  'Howard',
  'Sandler',
  'Zhang',
  'Ma',
  'Iandola',
  'Tan',
  'Le',
  'Han',
  'Hu',
  'Wu',
  'Chen',
  'Jaderberg',
  'Ioannou',
  'Wang',
  'Kim',
  'Huang',
  'Park',
  'Li',
  'Gordon',
  'Lin',
  'Bagherinezhad',
  'Liu',
  'Xie',
  'He',
  // Units.
  'ms',
  'MB',
  'KB',
  'GB',
  'MiB',
  'KiB',
  'GiB',
  'B',
  'px',
  // Keys.
  'Ctrl',
  'Shift',
  'Alt',
  'Enter',
  'Escape',
  'Delete',
  'Backspace',
  'Tab',
]);

/** Words that never pass, even inside a paper's reference. */
const neverAllowed = new Set(['Table', 'Tables', 'Fig', 'Figure', 'Section', 'Eq', 'widths']);

/** A Latin word: starts with a letter not glued to a digit or letter before it ("3x3" is not a word). */
const latinWord = /(?<![A-Za-z0-9_.])[A-Za-z][A-Za-z0-9]*(?:[-_.'’+/][A-Za-z0-9]+)*/g;
/** A count written with a Latin suffix: 3.5M, 450K, 1.2G (not MB or KB). */
const latinSuffix = /(?<![A-Za-z(])\d(?:\.\d+)?\s?[KMG](?![A-Za-z0-9])/;
const chineseSuffix = /\d(?:\.\d+)?\s?[万亿]/;
/** An integer written with four zero decimals. */
const fourZeros = /(?<![\d.])\d+\.0000(?!\d)/;
/** An internal code: lowercase words joined by hyphens (design-invalid, tfjs-wasm). */
const code = /(?<![A-Za-z0-9_./-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![A-Za-z0-9_./-])/;
/**
 * An id in snake case (morphnet_expand): a code unless it is a name of a design on screen or a
 * function the reader calls (build_model()).
 */
const snakeId = /(?<![A-Za-z0-9_./:-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_./(-])/g;

interface Finding {
  readonly kind: 'latin' | 'suffix' | 'zeros' | 'code';
  readonly text: string;
  readonly line: string;
  readonly screen: string;
}

/** Everything a reader sees or hears on the page, a line at a time. */
async function readPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = document.body.innerText.split('\n');
    for (const el of Array.from(
      document.querySelectorAll('[title],[aria-label],[placeholder],[aria-description]'),
    ))
      for (const a of ['title', 'aria-label', 'placeholder', 'aria-description'])
        out.push(...(el.getAttribute(a) ?? '').split('\n'));
    // A raw option value (relu6 in a select) is shown as the file writes it: not a word of the UI.
    const raw = new Set(
      Array.from(document.querySelectorAll('option'))
        .filter((o) => o.textContent.trim() === o.value)
        .map((o) => o.value),
    );
    return out.map((t) => t.trim()).filter((t) => t !== '' && !raw.has(t));
  });
}

/**
 * The design's own names (node labels and the groups their dotted paths make, the design's name, as
 * the open document stores them and as the cards show them): the user's data, not the UI's words.
 */
async function designNames(page: Page): Promise<Set<string>> {
  const stored = await page.evaluate(readOpenDocument);
  const labels: string[] = [];
  try {
    const design = JSON.parse(stored) as { name?: string; nodes?: { label?: string }[] };
    labels.push(design.name ?? '');
    for (const n of design.nodes ?? []) labels.push(n.label ?? '');
  } catch {
    // Not stored yet: the cards on screen still name themselves.
  }
  const parts = labels.flatMap((l) => [l, ...l.split(/[/.]/)]);
  return new Set([
    ...parts,
    ...(await page.evaluate(() => {
      const names: string[] = [];
      for (const el of Array.from(document.querySelectorAll('.react-flow__node[aria-label]')))
        names.push(el.getAttribute('aria-label') ?? '');
      for (const el of Array.from(document.querySelectorAll('.card-label'))) names.push(el.textContent);
      // A dataset's class names (ImageNet's, Fashion-MNIST's) as the dataset writes them.
      for (const el of Array.from(document.querySelectorAll('.run-top5-name'))) names.push(el.textContent);
      // The compared designs' layer names (Compare's table and chart: "13. conv_ds_9").
      for (const el of Array.from(
        document.querySelectorAll(
          'table[data-kind="pairs"] td:nth-child(3), table[data-kind="pairs"] td:nth-child(4)',
        ),
      ))
        names.push(el.textContent);
      for (const el of Array.from(document.querySelectorAll('.compare-bar-label')))
        names.push(el.textContent.replace(/^\d+\.\s*/, ''));
      const name = document.querySelector<HTMLInputElement>('.design-name-field input');
      if (name !== null) names.push(name.value);
      return names.map((n) => n.trim());
    })),
  ]);
}

function wordAllowed(word: string, names: ReadonlySet<string>): boolean {
  if (neverAllowed.has(word)) return false;
  if (allowed.has(word)) return true;
  // A symbol of a formula (k, c, H, W) or a name with a digit or underscore (conv1, relu6, x_1).
  if (word.length === 1 || /[0-9_]/.test(word)) return !code.test(word);
  // A file's name (chelsea.jpg, broken.onnx) is as the file system writes it.
  if (/\.(jpg|png|onnx|json|npy|py|zip|safetensors|gz)$/.test(word)) return true;
  return names.has(word);
}

function check(lines: readonly string[], names: ReadonlySet<string>, screen: string): Finding[] {
  const found: Finding[] = [];
  const inNames = (line: string) => names.has(line);
  const hasChinese = lines.some((l) => chineseSuffix.test(l));
  const quoted = [...names].filter((n) => n.length > 1).sort((a, b) => b.length - a.length);
  for (const whole of lines) {
    if (inNames(whole)) continue;
    // A name in quotes, or a class name before its score ("sea lion: 14.8%"), is the data's.
    let line = whole;
    for (const n of quoted) line = line.split(`“${n}”`).join('“”');
    const colon = /^(.+?)[:：]\s*[\d.]+%$/.exec(line);
    if (colon?.[1] !== undefined && names.has(colon[1])) continue;
    // A paper's reference stays as written (authors, title), but never its table or figure numbers.
    const reference = /et al\./.test(line);
    // An example's command-line name (example:fire_vs_conv3x3) is typed as written.
    line = line.replace(/\bexample:\w+/g, ' ');
    for (const m of line.matchAll(latinWord)) {
      const word = m[0];
      if (reference && !neverAllowed.has(word)) continue;
      // Parts of a name are the name's (a node "features.4" or "MobileNetV2 1.0").
      if (wordAllowed(word, names) || word.split(/[-.’'+/]/).every((p) => p === '' || wordAllowed(p, names)))
        continue;
      found.push({ kind: 'latin', text: word, line: whole, screen });
    }
    if (hasChinese && latinSuffix.test(line))
      found.push({ kind: 'suffix', text: latinSuffix.exec(line)?.[0] ?? '', line, screen });
    if (fourZeros.test(line))
      found.push({ kind: 'zeros', text: fourZeros.exec(line)?.[0] ?? '', line, screen });
    for (const m of line.matchAll(snakeId))
      if (!names.has(m[0]) && m[0].split('_').some((p) => p.length >= 4))
        found.push({ kind: 'code', text: m[0], line: whole, screen });
    const c = code.exec(line);
    if (c !== null && !allowed.has(c[0]) && !names.has(c[0]))
      found.push({ kind: 'code', text: c[0], line, screen });
  }
  return found;
}

/** A tiny design with two training results on Fashion-MNIST: the Train tab's results view draws them. */
function trainedDesign(): string {
  const nodes = [
    { id: 'n1', kind: 'Input', label: 'input', params: { channels: 1, height: 28, width: 28 } },
    { id: 'n2', kind: 'Conv2d', label: 'conv1', params: { outChannels: 16, stride: [2, 2] } },
    { id: 'n3', kind: 'ReLU', label: 'relu1', params: {} },
    { id: 'n4', kind: 'GlobalAvgPool', label: 'pool', params: {} },
    { id: 'n5', kind: 'Flatten', label: 'flatten', params: {} },
    { id: 'n6', kind: 'Linear', label: 'fc', params: { outFeatures: 10 } },
    { id: 'n7', kind: 'Output', label: 'output', params: {} },
  ].map((n, i) => ({ ...n, position: { x: 0, y: i * 100 } }));
  const result = (id: string, top1: number, params: number) => ({
    id,
    engine: 'tfjs-wasm',
    dataset: { name: 'Fashion-MNIST', split: 'test', classes: 10, trainImages: 10000, evalImages: 2000 },
    top1,
    loss: 0.9,
    epochs: 2,
    steps: 312,
    recipe: {
      epochs: 2,
      batch: 64,
      optimizer: 'sgd',
      learningRate: 0.05,
      momentum: 0.9,
      weightDecay: 0.0001,
      warmupEpochs: 0,
      schedule: 'cosine',
      labelSmoothing: 0,
      augment: { flip: false, crop: 0 },
      seed: 1,
    },
    date: '2026-12-01T10:00:00.000Z',
    seconds: 61,
    designHash: 'x',
    costs: { params, multiplyAdds: params * 150, memoryAccess: params * 3 },
    curve: [
      { epoch: 1, loss: 1.2, trainTop1: 0.55, valTop1: 0.6 },
      { epoch: 2, loss: 0.9, trainTop1: 0.68, valTop1: top1 },
    ],
  });
  return JSON.stringify({
    format: 'compact-studio-design',
    version: 2,
    name: '小网络',
    nodes,
    edges: nodes.slice(1).map((n, i) => ({
      id: `e${i + 1}`,
      from: { node: nodes[i]?.id, port: 0 },
      to: { node: n.id, port: 0 },
    })),
    results: [result('r1', 0.712, 330), result('r2', 0.754, 2_960)],
  });
}

test('every screen in Chinese: no Latin word outside the allow-list, one number style, no codes', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await openInLanguage(page, 'zh');
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
  const findings: Finding[] = [];
  const screens: string[] = [];
  /** Screens kept as pictures for a reader of the test's output. */
  const pictured = new Set([
    'cost, over budget',
    'compare, two presets',
    'run, after a run',
    'lesson 2',
    'run, an output summary',
  ]);
  const look = async (screen: string) => {
    screens.push(screen);
    if (pictured.has(screen))
      await page.screenshot({ path: test.info().outputPath(`${screen.replace(/[^a-z0-9]+/g, '-')}.png`) });
    const lines = await readPage(page);
    findings.push(...check(lines, await designNames(page), screen));
  };
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  const dialog = page.getByRole('dialog');
  const closeDialog = async () => {
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  };
  const menu = async (menuName: string, item: string) => {
    await page.getByRole('button', { name: menuName, exact: true }).click();
    await page.getByRole('menuitem', { name: item }).click();
  };
  const openFromPalette = async (title: string) => {
    const item = page
      .getByRole('navigation')
      .getByRole('button')
      .filter({ has: page.locator('.palette-item-title', { hasText: title }) })
      .first();
    await item.focus({ timeout: 5000 });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: '打开为新设计' }).first()).toBeVisible({
      timeout: 30_000,
    });
  };

  // The default design and every side tab.
  await look('default design');
  for (const name of ['属性', '代价', '运行', '训练', '学习']) {
    await tab(name).click();
    await look(`tab ${name}`);
  }

  // The inspector on a plain node and on a block, and the cost panel with that node chosen.
  await tab('属性').click();
  const cards = page.locator('.react-flow__node').filter({ has: page.locator('.card-label') });
  for (const i of [0, 1, 3]) {
    await cards.nth(i).click({ force: true });
    await look(`inspector, card ${i + 1}`);
  }
  await tab('代价').click();
  await look('cost, a node selected');

  // Budgets, typed as a reader writes counts in Chinese, one of them over.
  const budget = page.getByRole('textbox', { name: '乘加数', exact: true });
  await budget.fill('1亿');
  await expect(page.getByText(/超出/).first()).toBeVisible();
  await look('cost, over budget');

  // The menus.
  for (const name of ['文件', '视图']) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await look(`menu ${name}`);
    await page.keyboard.press('Escape');
  }

  // Every dialog of the File and View menus.
  await menu('文件', '分享链接…');
  await expect(dialog).toBeVisible();
  await look('share');
  await closeDialog();
  await menu('文件', '导出 PNG…');
  await expect(dialog).toBeVisible();
  await look('export PNG');
  await closeDialog();
  await menu('文件', '导出 SVG…');
  await expect(dialog).toBeVisible();
  await look('export SVG');
  await closeDialog();
  await menu('视图', '键盘快捷键');
  await expect(dialog).toBeVisible();
  await look('keyboard shortcuts');
  await closeDialog();
  await menu('视图', '比较两个设计…');
  await expect(dialog).toBeVisible();
  await look('compare');
  await dialog.getByRole('combobox', { name: '左侧' }).selectOption('preset:mobilenet_v1_conv');
  await dialog.getByRole('combobox', { name: '右侧' }).selectOption('preset:mobilenet_v1');
  await expect(dialog.getByRole('table').first()).toContainText('MobileNetV1（标准卷积）');
  await look('compare, two presets');
  await closeDialog();
  await cards.nth(1).click({ force: true });
  await page.keyboard.press('c');
  await expect(dialog).toBeVisible();
  await look('connect');
  await closeDialog();

  // Exports: each says what it wrote.
  for (const item of ['导出 ONNX', '导出部署模型（ONNX，已折叠批归一化）', '导出 PyTorch']) {
    const download = page.waitForEvent('download');
    await menu('文件', item);
    await download;
    await look(`after ${item}`);
  }

  // A broken ONNX file: one sentence, in Chinese.
  const chooser = page.waitForEvent('filechooser');
  await menu('文件', '导入 ONNX…');
  await (
    await chooser
  ).setFiles({ name: 'broken.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from('not onnx') });
  await expect(
    page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'broken.onnx' }).first(),
  ).toBeVisible({
    timeout: 30_000,
  });
  await look('a broken ONNX file');

  // Run after a run.
  await tab('运行').click();
  const panel = page.getByRole('tabpanel');
  await panel.getByLabel('后端').selectOption('wasm');
  await panel.getByRole('button', { name: '运行', exact: true }).click();
  await expect(panel.getByLabel('延迟')).toBeVisible({ timeout: 180_000 });
  // Per-node times and feature maps follow the latency: the run is over when the button is back.
  await expect(panel.getByRole('button', { name: '运行', exact: true })).toBeEnabled({ timeout: 180_000 });
  await look('run, after a run');
  await cards.nth(2).click({ force: true });
  await look('run, a node selected');

  // An example opened beside the design: the "back to" notice.
  await openFromPalette('FLGC：完全可学习的组卷积');
  await look('an example opened (back-to notice)');
  await tab('代价').click();
  await look('example, cost');

  // Groups that do not divide: said on the card, in the inspector and the status bar.
  await tab('属性').click();
  await page.locator('.react-flow__node').filter({ hasText: 'group_conv' }).first().click({ force: true });
  const groups = page.getByRole('spinbutton', { name: '分组数' });
  await groups.fill('5');
  await groups.press('Enter');
  await expect(page.getByText('分组数 5 不能整除 64 个输入通道。').first()).toBeVisible();
  await look('groups that do not divide');
  await tab('代价').click();
  await look('groups that do not divide, cost');

  // A preset with guideline hints.
  await openFromPalette('ShuffleNet V1');
  await tab('代价').click();
  await look('ShuffleNet V1, cost');

  // Recent designs.
  await menu('文件', '最近的设计…');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem').first()).toBeVisible();
  await look('recent designs');
  await closeDialog();

  // Learn with a lesson opened, a few lessons on.
  await tab('学习').click();
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: '在画布上打开示例' }).click();
    await look(`lesson ${i + 1}`);
    await page.getByRole('button', { name: '下一课' }).click();
  }

  // Train with results: a design file that carries two training results.
  const open = page.waitForEvent('filechooser');
  await menu('文件', '打开…');
  await (
    await open
  ).setFiles({ name: 'trained.json', mimeType: 'application/json', buffer: Buffer.from(trainedDesign()) });
  await expect(page.getByRole('textbox', { name: '设计名称' })).toHaveValue('小网络');
  await tab('训练').click();
  await expect(
    page.getByRole('heading', { name: '结果' }).or(page.locator('#train-results-title')),
  ).toBeVisible();
  await look('train, results view');
  await tab('运行').click();
  await look('run, trained weights');
  // Its 10-way output has no class names: the summary (minimum, maximum, mean, histogram) instead.
  await panel.getByRole('button', { name: '运行', exact: true }).click();
  await expect(panel.getByLabel('延迟')).toBeVisible({ timeout: 180_000 });
  await expect(panel.getByRole('button', { name: '运行', exact: true })).toBeEnabled({ timeout: 180_000 });
  await expect(panel.getByRole('img', { name: '数值分布直方图' })).toBeVisible();
  await look('run, an output summary');
  await tab('代价').click();
  await look('cost, with accuracy');

  await page.screenshot({ path: test.info().outputPath('last-screen.png'), fullPage: true });
  const latin = findings.filter((f) => f.kind === 'latin');
  const words = [...new Set(latin.map((f) => f.text))];
  console.log(
    `Chinese walk: ${screens.length} screens, ${latin.length} Latin words found (${words.length} distinct), ` +
      `${findings.length - latin.length} number-style or code findings`,
  );
  const report = [
    ...new Map(findings.reverse().map((f) => [`${f.kind} ${f.text} ${f.line}`, f])).values(),
  ].map((f) => `${f.screen} | ${f.kind} ${f.text} | ${f.line.slice(0, 160)}`);
  expect(report).toEqual([]);
});
