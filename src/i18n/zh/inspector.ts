import type { inspector as en } from '../en/inspector';
import type { Strings } from '../types';

export const inspector: Strings<typeof en> = {};
