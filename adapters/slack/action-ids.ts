/**
 * What the bot's buttons carry back to it: action ids, and the value of the "share" button.
 * Kept apart from blocks.ts (which draws buttons) and listeners/buttons.ts (which handles
 * them) so both sides agree on one definition.
 */

/** Slack wants action ids unique within a block, so navigation buttons get an index suffix. */
export const OPEN_ACTION_PREFIX = 'roadmap_open_';
export const OPEN_ACTION = /^roadmap_open_\d+$/;
export const SHARE_ACTION = 'roadmap_share';

export const openActionId = (index: number): string => `${OPEN_ACTION_PREFIX}${index}`;

/**
 * How to rebuild the reply a user wants to share, so the button needs no server-side state:
 * either a core `ref` (from a button the user followed) or the `/roadmap` argument they typed.
 */
export type ShareSource = { ref: string } | { roadmap: string };

export function encodeShare(source: ShareSource): string {
  return 'ref' in source ? `ref:${source.ref}` : `roadmap:${source.roadmap}`;
}

export function decodeShare(value: string | undefined): ShareSource | null {
  if (!value) return null;
  if (value.startsWith('ref:')) return { ref: value.slice('ref:'.length) };
  if (value.startsWith('roadmap:')) return { roadmap: value.slice('roadmap:'.length) };
  return null;
}
