/**
 * Incoming message text from Slack, turned back into what the user typed.
 *
 * Slack delivers message text already encoded: &, <, > as entities, and mentions, channels and
 * links as `<...>` sequences. The router wants plain words, so the bot's own mention is removed
 * and every other sequence becomes its readable label.
 */

const SEQUENCE = /<([^<>]*)>/g;

function label(inner: string, botUserId: string | undefined): string {
  const [target = '', name] = inner.split('|', 2);
  if (target.startsWith('@')) {
    const id = target.slice(1);
    if (botUserId && id === botUserId) return ' ';
    return name ? `@${name}` : '@someone';
  }
  if (target.startsWith('#')) return name ? `#${name}` : '#channel';
  if (target.startsWith('!')) {
    // <!here>, <!channel>, <!subteam^S123|@team>, <!date^...|fallback>
    if (name) return name;
    const keyword = target.slice(1).split('^', 1)[0] ?? '';
    return keyword ? `@${keyword}` : '';
  }
  return name ?? target; // <https://url|label> or <https://url>
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The question in a message: the bot's mention removed, Slack's markup decoded, spaces collapsed. */
export function questionFromSlackText(text: string | undefined, botUserId?: string): string {
  if (!text) return '';
  return decodeEntities(text.replace(SEQUENCE, (_all, inner: string) => label(inner, botUserId)))
    .replace(/\s+/g, ' ')
    .trim();
}
