import type { canvas as en } from '../en/canvas';
import type { Strings } from '../types';

export const canvas: Strings<typeof en> = {};
