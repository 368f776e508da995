// A worker thread cannot run TypeScript by itself: register tsx in it, then load the case runner.
// TensorFlow.js's modules need the CLI's resolve hook (the CLI's train command imports them).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/tfjs-resolve.ts');
await import('./case.ts');
