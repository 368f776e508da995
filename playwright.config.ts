import { defineConfig } from '@playwright/test';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];
/** Specs that need WebGPU run in a browser of their own; every other spec keeps the flags above. */
const webgpuSpecs = /\.webgpu\.spec\.ts$/;
/** Several checkouts on one machine each serve on their own port (E2E_PORT). */
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60000,
  fullyParallel: false,
  // Two: the specs wait on page loads and workers as much as on the CPU (125 tests: 11.8 min against about 19 one at a time, 2 cores).
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath, args },
  },
  projects: [
    { name: 'chromium', testIgnore: webgpuSpecs },
    {
      // Without a GPU, Chromium then offers SwiftShader, a software adapter: for correctness only.
      name: 'webgpu',
      testMatch: webgpuSpecs,
      use: { launchOptions: { executablePath, args: [...args, '--enable-unsafe-webgpu'] } },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60000,
  },
});
