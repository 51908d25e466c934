/**
 * The knowledge base's markdown subset written as Discord markdown, and cut to a size
 * without breaking it. Sizes are passed in by render.ts, which owns every Discord limit.
 *
 * Discord treats more characters as markup than the subset uses (`_`, `~`, `|`, `>`, `#`,
 * `-` and `1.` at a line start...), so plain text is escaped: a `snake_case` name or a
 * `C#` in an answer must show as written, not turn into italics or a heading.
 */
import { parseInline, parseMarkdown, renderInlines, truncate, type Block, type Dialect, type Inline } from '../../src/index.ts';

/** Characters Discord may read as markup anywhere in a line. */
const INLINE_MARKUP = /[\\*_~`|[\]<>]/g;
/** Markup Discord only reads at the start of a line: headings, subtext, quotes, lists. */
const LINE_START_MARKUP = /^(\s*)(?:(\d+)(\.\s)|(#{1,3}\s|-#\s|>|[-+*]\s))/;

/** Escapes text so Discord shows it literally. */
export function escapeDiscord(text: string): string {
  return text
    .replace(INLINE_MARKUP, '\\$&')
    .replace(LINE_START_MARKUP, (_, space: string, digits: string | undefined, dot: string | undefined, mark: string | undefined) =>
      // A backslash only escapes punctuation, so "1. " becomes "1\. ", not "\1. ".
      digits !== undefined ? `${space}${digits}\\${dot}` : `${space}\\${mark}`,
    );
}

const BULLET = '• ';
const URL_ESCAPES: Record<string, string> = { '(': '%28', ')': '%29', ' ': '%20' };

export const DISCORD: Dialect = {
  text: escapeDiscord,
  // Bold text may hold code or a link (`**\`jsonb\`**`): render those inside the bold too.
  bold: (s) => `**${renderInlines(parseInline(s), DISCORD)}**`,
  // Inline code shows everything literally; the subset never puts a backtick inside.
  code: (s) => `\`${s.replace(/`/g, "'")}\``,
  // Brackets in a URL would end the masked link early.
  link: (text, url) => `[${escapeDiscord(text)}](${url.replace(/[()\s]/g, (c) => URL_ESCAPES[c] ?? '')})`,
  bullet: BULLET,
};

/** One rendered line of a block, and the same line as escaped plain text (for cutting). */
interface Line {
  rich: string;
  plain: string;
}

function blockLines(block: Block): Line[] {
  if (block.type === 'paragraph') return [{ rich: renderInlines(block.inlines, DISCORD), plain: escapeDiscord(plainInlines(block.inlines)) }];
  return block.items.map((item) => ({
    rich: `${BULLET}${renderInlines(item, DISCORD)}`,
    plain: `${BULLET}${escapeDiscord(plainInlines(item))}`,
  }));
}

function plainInlines(inlines: Inline[]): string {
  return inlines.map((i) => (i.type === 'link' ? (i.text === i.url ? i.url : `${i.text} (${i.url})`) : i.text)).join('');
}

/**
 * Markdown rendered for Discord in at most `max` characters. Whole lines are kept while they
 * fit; the first line that does not is cut as plain text (so no `**` or `[link](` is left
 * open) and ends with "…"; later lines are dropped.
 */
export function discordMarkdown(markdown: string, max: number): string {
  const blocks = parseMarkdown(markdown);
  let out = '';
  for (let b = 0; b < blocks.length; b++) {
    const lines = blockLines(blocks[b] as Block);
    for (let l = 0; l < lines.length; l++) {
      const line = lines[l] as Line;
      const separator = out ? (l === 0 ? '\n\n' : '\n') : '';
      if (out.length + separator.length + line.rich.length <= max) {
        out += separator + line.rich;
        continue;
      }
      const room = max - out.length - separator.length;
      // A cut line needs room for a few words to be worth showing.
      if (room >= 20) out += separator + cutEscaped(line.plain, room);
      else if (out.length + 2 <= max) out += out ? ' …' : '…';
      return out;
    }
  }
  return out;
}

/** Truncates escaped text without leaving a lone backslash at the end. */
function cutEscaped(text: string, max: number): string {
  let cut = truncate(text, max);
  // "…" replaced the tail; a dangling escape before it would escape the ellipsis instead.
  while (/(^|[^\\])(\\\\)*\\…$/.test(cut)) cut = `${cut.slice(0, -2)}…`;
  return cut;
}

/** Plain one-line text for places that show no markdown (titles, labels, footers). */
export function escapeLine(text: string): string {
  return escapeDiscord(text.replace(/\s+/g, ' ').trim());
}
