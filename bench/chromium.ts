import { chromium, type Browser } from '@playwright/test';
import { createServer } from 'vite';

/** Debian's Chromium (CHROMIUM_PATH elsewhere), kept off the network but for this machine. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });

/** Vite's dev server of this checkout on `port` and a Chromium beside it, for `use`; both closed after. */
export async function withDevServerBrowser<T>(
  port: number,
  use: (browser: Browser) => Promise<T>,
): Promise<T> {
  const server = await createServer({
    server: { port, strictPort: true, host: '127.0.0.1' },
    logLevel: 'error',
  });
  await server.listen();
  const browser = await launchChromium();
  try {
    return await use(browser);
  } finally {
    await browser.close();
    await server.close();
  }
}
