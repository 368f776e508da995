import type { palette as en } from '../en/palette';
import type { Strings } from '../types';

export const palette: Strings<typeof en> = {};
