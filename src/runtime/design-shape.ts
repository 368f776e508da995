import { z } from 'zod';
import type { Design } from '../core/design/design-types';

/**
 * A design as it crosses a worker's boundary: an object with node and edge lists. Workers check the
 * design itself with the core's own checks; this only keeps a wrong message from reaching them.
 */
export const designShape = z.custom<Design>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    Array.isArray((v as { nodes?: unknown }).nodes) &&
    Array.isArray((v as { edges?: unknown }).edges),
  'a design with nodes and edges',
);
