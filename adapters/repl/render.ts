/** A Reply as terminal text: bold titles, dim sources, numbered actions; plain when colour is off. */
import { parseMarkdown, renderInlines, type Dialect, type Reply } from '../../src/index.ts';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  accent(s: string): string;
  code(s: string): string;
}

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const COLOR: Style = { bold: ansi(1, 22), dim: ansi(2, 22), accent: ansi(36, 39), code: ansi(33, 39) };
export const NO_COLOR: Style = { bold: (s) => s, dim: (s) => s, accent: (s) => s, code: (s) => s };

// Terminal control sequences in knowledge or echoed text must not reach the terminal raw.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const clean = (s: string) => s.replace(CONTROL, '');

function dialect(style: Style): Dialect {
  return {
    text: clean,
    bold: (s) => style.bold(clean(s)),
    code: (s) => style.code(clean(s)),
    link: (text, url) => (text === url ? style.accent(clean(url)) : `${clean(text)} (${style.accent(clean(url))})`),
    bullet: '  • ',
  };
}

function markdown(text: string, style: Style): string {
  const d = dialect(style);
  return parseMarkdown(text)
    .map((b) => (b.type === 'paragraph' ? renderInlines(b.inlines, d) : b.items.map((i) => `${d.bullet}${renderInlines(i, d)}`).join('\n')))
    .join('\n\n');
}

/** Renders a reply; numbered actions can be opened by typing their number. */
export function renderReply(reply: Reply, style: Style): string {
  const out: string[] = [style.bold(clean(reply.title))];
  if (reply.body) out.push(markdown(reply.body, style));
  for (const s of reply.sections) out.push(`${style.accent(clean(s.heading))}\n${markdown(s.body, style)}`);
  if (reply.links.length) out.push(`${style.accent('Links')}\n${reply.links.map((l) => `  • ${clean(l.title)}: ${style.accent(clean(l.url))}`).join('\n')}`);
  if (reply.actions.length) {
    const heading = reply.kind === 'unsure' ? 'Did you mean' : reply.kind === 'answer' ? 'Related' : 'Next';
    out.push(`${style.accent(heading)} ${style.dim('(type a number)')}\n${reply.actions.map((a, i) => `  ${i + 1}. ${clean(a.label)}`).join('\n')}`);
  }
  if (reply.source) out.push(style.dim(`source: ${reply.source.id}, reviewed ${reply.source.reviewed}`));
  return out.join('\n\n');
}
