import type { run as en } from '../en/run';
import type { Strings } from '../types';

export const run: Strings<typeof en> = {};
