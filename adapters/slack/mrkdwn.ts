/**
 * Outgoing text for Slack: escaping and the mrkdwn dialect of the core's markdown subset.
 *
 * Slack reads `<...>` as a control sequence (`<!channel>`, `<@U123>`, `<url|label>`), so any
 * text we did not build ourselves, from users or from the knowledge base, has &, < and >
 * escaped as entities. Only `link()` below writes a real `<...>`.
 */
import { renderMarkdown, type Dialect } from '../../src/index.ts';

// U+2060 WORD JOINER: invisible, but "@​here" no longer reads as a broadcast keyword to any
// parser that might still look for one in plain text (verbatim is also set on every block).
const BROADCAST = /@(here|channel|everyone)\b/gi;

/** Escapes text so Slack shows it literally and nothing in it can form a mention or link. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(BROADCAST, '@\u2060$1');
}

/**
 * A URL inside `<url|label>`: entities for &, <, >, and `|` percent-encoded because Slack
 * splits the link at the first `|`.
 */
function escapeUrl(url: string): string {
  return url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}

export const SLACK_MRKDWN: Dialect = {
  text: escapeText,
  bold: (s) => `*${escapeText(s)}*`,
  code: (s) => `\`${escapeText(s)}\``,
  link: (text, url) => `<${escapeUrl(url)}|${escapeText(text)}>`,
  bullet: '• ',
};

/** The knowledge base's markdown subset as Slack mrkdwn, escaped. */
export function toMrkdwn(markdown: string): string {
  return renderMarkdown(markdown, SLACK_MRKDWN);
}

/** A link written by us (title and URL from the knowledge base). */
export function mrkdwnLink(title: string, url: string): string {
  return SLACK_MRKDWN.link(title, url);
}
