import type { app as en } from '../en/app';
import type { Strings } from '../types';

export const app: Strings<typeof en> = {};
