/**
 * The knowledge base's markdown subset, parsed once here so every adapter renders the same
 * structure in its own dialect: **bold**, `code`, [text](url), "- " list lines, and
 * paragraphs separated by blank lines. Anything else is plain text.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'bold'; text: string }
  | { type: 'code'; text: string }
  | { type: 'link'; text: string; url: string };

export type Block = { type: 'paragraph'; inlines: Inline[] } | { type: 'list'; items: Inline[][] };

const INLINE = /\*\*([^*\n]+)\*\*|`([^`\n]+)`|\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ type: 'text', text: text.slice(last, at) });
    if (m[1] !== undefined) out.push({ type: 'bold', text: m[1] });
    else if (m[2] !== undefined) out.push({ type: 'code', text: m[2] });
    else out.push({ type: 'link', text: m[3] ?? '', url: m[4] ?? '' });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

const LIST_ITEM = /^\s*[-*•]\s+/;

export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let items: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const flushList = () => {
    if (items.length) blocks.push({ type: 'list', items: items.map(parseInline) });
    items = [];
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) {
      flushParagraph();
      flushList();
    } else if (LIST_ITEM.test(raw)) {
      flushParagraph();
      items.push(line.replace(LIST_ITEM, ''));
    } else if (items.length && /^\s{2,}/.test(raw)) {
      // An indented line continues the list item above it.
      items[items.length - 1] += ` ${line}`;
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** How one platform writes each inline element; `text` must escape what the platform treats specially. */
export interface Dialect {
  text(s: string): string;
  bold(s: string): string;
  code(s: string): string;
  link(text: string, url: string): string;
  bullet: string;
}

export function renderInlines(inlines: Inline[], d: Dialect): string {
  return inlines
    .map((i) => {
      switch (i.type) {
        case 'text':
          return d.text(i.text);
        case 'bold':
          return d.bold(i.text);
        case 'code':
          return d.code(i.text);
        case 'link':
          return d.link(i.text, i.url);
      }
    })
    .join('');
}

/** Renders markdown in a platform dialect, keeping paragraphs and list lines. */
export function renderMarkdown(markdown: string, d: Dialect): string {
  return parseMarkdown(markdown)
    .map((b) =>
      b.type === 'paragraph'
        ? renderInlines(b.inlines, d)
        : b.items.map((item) => `${d.bullet}${renderInlines(item, d)}`).join('\n'),
    )
    .join('\n\n');
}

export const PLAIN: Dialect = {
  text: (s) => s,
  bold: (s) => s,
  code: (s) => s,
  link: (text, url) => (text === url ? url : `${text} (${url})`),
  bullet: '- ',
};

export function toPlainText(markdown: string): string {
  return renderMarkdown(markdown, PLAIN);
}

/** Cuts text to at most `max` characters, at a word boundary when one is near, adding "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, Math.max(0, max));
  // Never cut between the two halves of a surrogate pair (emoji): a lone half is invalid text.
  const cut = text.slice(0, /[\ud800-\udbff]/.test(text.charAt(max - 2)) ? max - 2 : max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
