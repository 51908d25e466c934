/**
 * What our buttons and menus carry back when pressed. A component's custom_id holds a
 * Router ref (Reply.actions[].ref), so the bot keeps no state between a reply and the press:
 * a restart, or a second instance, can still answer it.
 *
 *   nav:<ref>   button: replace this message with Router.open(ref) (stage navigation, suggestions)
 *   open        select menu: open the chosen ref (the option's value) in a new message
 */
const NAVIGATION_PREFIX = 'nav:';

export const OPEN_SELECT_ID = 'open';

export function navigationId(ref: string): string {
  return `${NAVIGATION_PREFIX}${ref}`;
}

export type ComponentIntent = { kind: 'navigate'; ref: string } | { kind: 'open' } | { kind: 'unknown' };

export function parseCustomId(customId: string): ComponentIntent {
  if (customId.startsWith(NAVIGATION_PREFIX)) return { kind: 'navigate', ref: customId.slice(NAVIGATION_PREFIX.length) };
  if (customId === OPEN_SELECT_ID) return { kind: 'open' };
  return { kind: 'unknown' };
}
