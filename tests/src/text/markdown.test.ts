import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAIN, parseInline, parseMarkdown, renderMarkdown, replyToText, makeReply, toPlainText, truncate, type Dialect } from '../../../src/index.ts';

describe('parseInline', () => {
  it('splits bold, code and links out of text, in order', () => {
    expect(parseInline('Use **Postgres** with `psql`, see [the docs](https://www.postgresql.org/docs/).')).toEqual([
      { type: 'text', text: 'Use ' },
      { type: 'bold', text: 'Postgres' },
      { type: 'text', text: ' with ' },
      { type: 'code', text: 'psql' },
      { type: 'text', text: ', see ' },
      { type: 'link', text: 'the docs', url: 'https://www.postgresql.org/docs/' },
      { type: 'text', text: '.' },
    ]);
  });

  it('leaves unclosed or empty markers as text', () => {
    expect(parseInline('a ** b')).toEqual([{ type: 'text', text: 'a ** b' }]);
    expect(parseInline('x `unclosed')).toEqual([{ type: 'text', text: 'x `unclosed' }]);
    expect(parseInline('****')).toEqual([{ type: 'text', text: '****' }]);
    expect(parseInline('``')).toEqual([{ type: 'text', text: '``' }]);
    expect(parseInline('')).toEqual([]);
  });

  it('does not make links of non-http URLs or URLs with spaces', () => {
    for (const s of ['[x](javascript:alert(1))', '[x](ftp://example.org)', '[x](https://exa mple.org)', '[x](/relative)', '[](https://e.org)'])
      expect(parseInline(s).some((i) => i.type === 'link'), s).toBe(false);
    expect(parseInline('[x](http://example.org)')).toEqual([{ type: 'link', text: 'x', url: 'http://example.org' }]);
  });

  it('does not let bold or code run across lines', () => {
    expect(parseInline('**a\nb**').some((i) => i.type === 'bold')).toBe(false);
    expect(parseInline('`a\nb`').some((i) => i.type === 'code')).toBe(false);
  });

  it('loses no text (fast-check): the pieces joined back are the input, less the markers', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '*', '`', '[', ']', '(', ')', 'https://e.org', '\n', 'é', '😀'), maxLength: 60 }), (s) => {
        const inlines = parseInline(s);
        const rebuilt = inlines
          .map((i) => (i.type === 'text' ? i.text : i.type === 'bold' ? `**${i.text}**` : i.type === 'code' ? `\`${i.text}\`` : `[${i.text}](${i.url})`))
          .join('');
        expect(rebuilt).toBe(s);
        for (const i of inlines) expect(i.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 500, seed: 1 },
    );
  });
});

describe('parseMarkdown', () => {
  it('joins lines into paragraphs and splits on blank lines', () => {
    expect(parseMarkdown('one\ntwo\n\n\nthree')).toEqual([
      { type: 'paragraph', inlines: [{ type: 'text', text: 'one two' }] },
      { type: 'paragraph', inlines: [{ type: 'text', text: 'three' }] },
    ]);
  });

  it('reads "- ", "* " and "• " lines as list items, with indented continuation lines', () => {
    expect(parseMarkdown('Learn:\n- SQL\n* joins and\n  indexes\n• **ORMs**')).toEqual([
      { type: 'paragraph', inlines: [{ type: 'text', text: 'Learn:' }] },
      {
        type: 'list',
        items: [[{ type: 'text', text: 'SQL' }], [{ type: 'text', text: 'joins and indexes' }], [{ type: 'bold', text: 'ORMs' }]],
      },
    ]);
  });

  it('ends a list at an unindented line', () => {
    const blocks = parseMarkdown('- a\n- b\nafter');
    expect(blocks.map((b) => b.type)).toEqual(['list', 'paragraph']);
  });

  it('does not read "-word" or "**bold** lines" as list items', () => {
    expect(parseMarkdown('-not a list').map((b) => b.type)).toEqual(['paragraph']);
    expect(parseMarkdown('**bold** start').map((b) => b.type)).toEqual(['paragraph']);
  });

  it('treats CRLF and CR like LF, and empty or blank input as nothing', () => {
    expect(parseMarkdown('a\r\nb\r\n\r\n- c\rd')).toEqual(parseMarkdown('a\nb\n\n- c\nd'));
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown(' \n\t\n ')).toEqual([]);
  });
});

describe('renderMarkdown and toPlainText', () => {
  const tags: Dialect = {
    text: (s) => s.replace(/</g, '&lt;'),
    bold: (s) => `<b>${s}</b>`,
    code: (s) => `<code>${s}</code>`,
    link: (t, u) => `<a href="${u}">${t}</a>`,
    bullet: '* ',
  };

  it('renders each element through the dialect and keeps paragraphs and list lines', () => {
    expect(renderMarkdown('Use **SQL** <now>\n\n- `SELECT`\n- [docs](https://e.org)', tags)).toBe(
      'Use <b>SQL</b> &lt;now>\n\n* <code>SELECT</code>\n* <a href="https://e.org">docs</a>',
    );
  });

  it('plain text drops markers and spells out links', () => {
    expect(toPlainText('**Bold** and `code`: [docs](https://d.org), [https://e.org](https://e.org)')).toBe('Bold and code: docs (https://d.org), https://e.org');
    expect(toPlainText('- a\n- b')).toBe('- a\n- b');
    expect(PLAIN.bullet).toBe('- ');
  });

  it('replyToText lays out a reply as plain text', () => {
    const text = replyToText(
      makeReply({
        kind: 'answer',
        title: 'Q?',
        body: 'Use **this**.',
        sections: [{ heading: 'Steps', body: '- one\n- two' }],
        links: [{ title: 'Docs', url: 'https://d.org' }],
        actions: [{ label: 'Related one', ref: 'entry:x', role: 'related' }, { label: 'Next stage', ref: 'stage:y', role: 'next' }],
        source: { id: 'q', reviewed: '2026-11-26', file: 'f.yaml' },
      }),
    );
    expect(text).toBe('Q?\n\nUse this.\n\nSteps:\n- one\n- two\n\nLinks:\n- Docs: https://d.org\n\nRelated:\n- Related one\n\nSource: q, reviewed 2026-11-26');
  });
});

describe('truncate', () => {
  it('returns text that fits unchanged', () => {
    expect(truncate('short', 5)).toBe('short');
    expect(truncate('', 0)).toBe('');
  });

  it('cuts at a word boundary near the end and adds an ellipsis', () => {
    expect(truncate('What is the difference between SQL and NoSQL?', 30)).toBe('What is the difference…');
    expect(truncate('aaaaaaaaaa bbbbbbbbbb', 15)).toBe('aaaaaaaaaa…');
  });

  it('cuts mid-word when the last space is far back', () => {
    expect(truncate('a bbbbbbbbbbbbbbbbbbbb', 10)).toBe('a bbbbbbb…');
    expect(truncate('x'.repeat(200), 100)).toBe(`${'x'.repeat(99)}…`);
  });

  it('handles tiny limits', () => {
    expect(truncate('hello', 1)).toBe('h');
    expect(truncate('hello', 0)).toBe('');
    expect(truncate('hello', -3)).toBe('');
    expect(truncate('hello', 2)).toBe('h…');
  });

  it('never splits an emoji (surrogate pair)', () => {
    expect(truncate('😀😀😀', 4)).toBe('😀…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
  });

  it('always fits, and keeps a prefix of the text (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.integer({ min: 0, max: 130 }), (text, max) => {
        const out = truncate(text, max);
        expect(out.length).toBeLessThanOrEqual(Math.max(0, max));
        if (text.length <= max) expect(out).toBe(text);
        else if (max > 1) {
          expect(out.endsWith('…')).toBe(true);
          expect(text.startsWith(out.slice(0, -1))).toBe(true);
          expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
        }
      }),
      { numRuns: 500, seed: 2 },
    );
  });
});
