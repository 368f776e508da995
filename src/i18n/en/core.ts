/**
 * What each diagnostic code means, in a few words: shown before the core's own sentence (which names the
 * figures and stays as the core writes it). Keyed by the stable code, never renumbered.
 */
export const diagnostics = {
  CS001: 'Cycle',
  CS002: 'Unconnected input',
  CS003: 'Channel mismatch',
  CS004: 'Groups do not divide the channels',
  CS005: 'Feature map collapses',
  CS006: 'Concat sizes differ',
  CS007: 'Wrong rank',
  CS008: 'Invalid setting',
  CS009: 'Split sizes',
  CS010: 'No input',
  CS011: 'No output',
  CS012: 'Upstream error',
  CS013: 'Unknown kind',
  CS014: 'Input wired twice',
  CS015: 'Dangling wire',
  CS016: 'Opaque op',
  CS017: 'Shape mismatch',
  CS018: 'Unused output',
  CS019: 'Not complementary',
  CS020: 'Over a limit',
  CS021: 'Dead end',
} as const;
