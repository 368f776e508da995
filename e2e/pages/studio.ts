import { expect, type ConsoleMessage, type Locator, type Page } from '@playwright/test';

/**
 * How long the canvas may take to show its first card: the app's first start builds and lays out a
 * design, which takes seconds on a loaded machine. A wait polls, so a quick start is not slowed.
 */
export const CANVAS_TIMEOUT = 20_000;

/** The app as a user sees it: found by accessible names, never by sleeping. */
export class Studio {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  /** Opens the app with a clean profile (no autosave) unless told to keep storage. */
  async open(options: { keepStorage?: boolean; hash?: string } = {}): Promise<void> {
    if (options.keepStorage !== true) {
      await this.page.goto('/');
      await this.page.evaluate(() => {
        localStorage.clear();
        // The databases of the documents and of an earlier version's autosave: deleted once this
        // page lets go of them (the next load waits).
        indexedDB.deleteDatabase('compact-studio');
        indexedDB.deleteDatabase('compact-studio-documents');
      });
    }
    await this.page.goto(`/${options.hash ?? ''}`);
    await this.waitForCanvas();
  }

  /** Waits until the open document's autosave (IndexedDB, written after edits settle) holds a design with this name. */
  async waitForAutosave(name: string): Promise<void> {
    await expect
      .poll(() => this.page.evaluate(readOpenDocument), { timeout: 15_000 })
      .toMatch(new RegExp(`"name":\\s*${JSON.stringify(name)}`));
  }

  /**
   * Puts a design document where an earlier version autosaved (IndexedDB), and removes the list of
   * documents: the next load makes it the first document and opens it.
   */
  async seedAutosave(text: string): Promise<void> {
    await this.page.evaluate(
      (design) =>
        new Promise<void>((resolve, reject) => {
          indexedDB.deleteDatabase('compact-studio-documents');
          const open = indexedDB.open('compact-studio');
          open.onupgradeneeded = () => open.result.createObjectStore('autosave');
          open.onerror = () => {
            reject(open.error ?? new Error('IndexedDB refused'));
          };
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('autosave', 'readwrite');
            tx.objectStore('autosave').put(design, 'design');
            tx.objectStore('autosave').put(null, 'weights');
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => {
              reject(tx.error ?? new Error('IndexedDB refused'));
            };
          };
        }),
      text,
    );
  }

  /**
   * Opens the app on a clean profile with this design (a document's text) as its document, in a
   * language. The canvas's name is the language's: its first card is what this waits for.
   */
  async openDesign(text: string, lang: 'en' | 'zh' = 'en'): Promise<void> {
    await this.open();
    await this.seedAutosave(text);
    await this.page.evaluate((l) => {
      localStorage.setItem('compact-studio/language', l);
    }, lang);
    await this.page.goto('/');
    await expect(this.nodes.first()).toBeVisible({ timeout: CANVAS_TIMEOUT });
  }

  async waitForCanvas(): Promise<void> {
    await expect(this.canvas).toBeVisible({ timeout: CANVAS_TIMEOUT });
    await expect(this.nodes.first()).toBeVisible({ timeout: CANVAS_TIMEOUT });
  }

  get canvas(): Locator {
    return this.page.getByRole('main', { name: 'Canvas' });
  }

  get nodes(): Locator {
    return this.page.locator('.react-flow__node');
  }

  /** A node on the canvas by its name (label). */
  node(label: string): Locator {
    return this.page.locator(`.react-flow__node[aria-label="${label}"]`);
  }

  paletteItem(title: string): Locator {
    return this.page
      .getByRole('navigation', { name: 'Palette' })
      .getByRole('button', { name: title, exact: true });
  }

  get paletteSearch(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search the palette' });
  }

  get inspector(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Inspector' });
  }

  get designName(): Locator {
    return this.page.getByRole('textbox', { name: 'Design name' });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async menu(menu: string, item: string): Promise<void> {
    await this.button(menu).click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  /** Starts from an empty design (File → New), which holds one Input and one Output. */
  async newDesign(): Promise<void> {
    await this.menu('File', 'New design');
    await expect(this.nodes).toHaveCount(2, { timeout: CANVAS_TIMEOUT });
  }

  /** Drags a palette item onto the canvas at a point relative to the canvas's top-left corner. */
  async dragFromPalette(title: string, at: { x: number; y: number }): Promise<void> {
    await this.paletteSearch.fill(title);
    await this.paletteItem(title).dragTo(this.canvas, { targetPosition: at });
    await this.paletteSearch.fill('');
  }

  /** Drags from one port to another with the mouse; leaves the button down when `hold` is set. */
  async dragPort(from: Locator, to: Locator, options: { hold?: boolean } = {}): Promise<void> {
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (a === null || b === null) throw new Error('port not visible');
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
    if (options.hold !== true) await this.page.mouse.up();
  }

  port(nodeLabel: string, kind: 'input' | 'output', index = 1): Locator {
    return this.page.getByLabel(`${nodeLabel} ${kind} ${index}`, { exact: true });
  }

  /** The output shape written on a node's card. */
  shapeOf(label: string): Locator {
    return this.node(label).getByTestId('output-shape');
  }

  async select(label: string): Promise<void> {
    await this.node(label).click();
    await expect(this.inspector.getByRole('textbox', { name: 'Name' })).toHaveValue(label);
  }

  async undo(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Undo', exact: true }).click();
  }

  async redo(): Promise<void> {
    await this.button('Redo').click();
  }

  /** Closes every notice whose close button has this name (one per language). */
  async dismissAll(name: string): Promise<void> {
    const close = this.page.getByRole('button', { name, exact: true });
    while ((await close.count()) > 0) await close.first().click();
  }

  /** The exact figure (its title) of one side (0 before, 1 after) of a before/after table in a named region. */
  async sideFigure(section: string, key: string, side: 0 | 1): Promise<string | null> {
    const cell = this.page
      .getByRole('region', { name: section })
      .locator(`tr[data-figure="${key}"] td`)
      .nth(side);
    return cell.getAttribute('title');
  }

  expectNoErrors(): void {
    expect(this.errors, this.errors.join('\n')).toEqual([]);
  }
}

/**
 * Opens the app on a fresh profile in a language, at a laptop's size; a reload keeps the profile.
 * The first start lays out the default design: slow on a busy machine.
 */
export async function startIn(page: Page, lang: 'en' | 'zh'): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openInLanguage(page, lang);
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: CANVAS_TIMEOUT });
}

/** In the page: the text of the open document's design as stored ('' when none yet). */
export function readOpenDocument(): Promise<string> {
  return new Promise<string>((resolve) => {
    const open = indexedDB.open('compact-studio-documents');
    open.onerror = () => {
      resolve('');
    };
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('documents')) {
        db.close();
        resolve('');
        return;
      }
      const store = db.transaction('documents', 'readonly').objectStore('documents');
      const current = store.get('current');
      current.onsuccess = () => {
        const id: unknown = current.result;
        if (typeof id !== 'string') {
          db.close();
          resolve('');
          return;
        }
        const design = store.get(`design:${id}`);
        design.onsuccess = () => {
          db.close();
          resolve(typeof design.result === 'string' ? design.result : '');
        };
      };
      current.onerror = () => {
        db.close();
        resolve('');
      };
    };
  });
}

/** Opens the app with a clean profile in this language (set before the first load, once per tab). */
export async function openInLanguage(page: Page, lang: 'en' | 'zh'): Promise<void> {
  await page.addInitScript((l) => {
    if (sessionStorage.getItem('seeded') === null) {
      localStorage.clear();
      localStorage.setItem('compact-studio/language', l);
      sessionStorage.setItem('seeded', '1');
    }
  }, lang);
  await page.goto('/');
}
