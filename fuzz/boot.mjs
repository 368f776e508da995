// A worker thread cannot run TypeScript by itself: register tsx in it, then load the case runner.
import { register } from 'tsx/esm/api';

register();
await import('./case.ts');
