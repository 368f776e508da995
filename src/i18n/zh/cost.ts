import type { cost as en } from '../en/cost';
import type { Strings } from '../types';

export const cost: Strings<typeof en> = {};
