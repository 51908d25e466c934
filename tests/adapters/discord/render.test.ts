/**
 * The renderer alone: every entry and stage of the knowledge base fits Discord's limits,
 * oversized replies are cut without breaking markdown, and text shows as written.
 */
import { describe, expect, it } from 'vitest';
import { createRouter, errorReply, loadKnowledgeBase, makeReply, throttledReply, type KnowledgeBase, type Reply } from '../../../src/index.ts';
import { discordMarkdown, escapeDiscord } from '../../../adapters/discord/markdown.ts';
import { renderChoices, renderReply } from '../../../adapters/discord/render.ts';
import { limitProblems } from './limits.ts';
import { kb } from '../../support/core.ts';
import { FIXTURE_KB_DIR, unescape } from './support.ts';

// The fixture has entries near the size limits; the shipped base is what users see.
const knowledgeBases: [string, KnowledgeBase][] = [
  ['fixture', loadKnowledgeBase(FIXTURE_KB_DIR)],
  ['shipped', kb],
];

/** Unescaped `**` markers come in pairs, and every unescaped `[` opens a complete masked link. */
function markdownIsBalanced(text: string): boolean {
  // Escapes first: an escaped backtick does not open a code span.
  const plain = text.replace(/\\./g, '').replace(/`[^`]*`/g, '');
  const bold = plain.match(/\*\*/g)?.length ?? 0;
  const opens = plain.match(/\[/g)?.length ?? 0;
  const links = plain.match(/\[[^\]]*\]\([^)\s]+\)/g)?.length ?? 0;
  return bold % 2 === 0 && opens === links;
}

function allText(reply: ReturnType<typeof renderReply>): string[] {
  const e = reply.embeds[0] ?? {};
  return [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)];
}

describe.each(knowledgeBases)('every reply of the %s knowledge base fits Discord', (_name, base) => {
  const router = createRouter(base);

  it('renders every entry within the limits, with its title and source', () => {
    expect(base.entries.length).toBeGreaterThan(0);
    for (const entry of base.entries) {
      const reply = router.open(`entry:${entry.id}`);
      expect(reply.id, 'Router.open should open the entry by its ref').toBe(entry.id);
      const rendered = renderReply(reply);
      expect(limitProblems(rendered), entry.id).toEqual([]);
      const embed = rendered.embeds[0];
      if (escapeDiscord(reply.title).length <= 256) expect(unescape(embed?.title ?? '')).toBe(reply.title);
      else expect(embed?.title?.endsWith('…')).toBe(true);
      expect(embed?.footer?.text).toContain(entry.id);
      expect(embed?.footer?.text).toContain(entry.reviewed);
      for (const text of allText(rendered)) expect(markdownIsBalanced(text), `${entry.id}: ${text}`).toBe(true);
    }
  });

  it('renders every stage card within the limits, with navigation and the main resource', () => {
    expect(base.stages).toHaveLength(12);
    for (const stage of base.stages) {
      const reply = router.stage(stage.id) as Reply;
      const rendered = renderReply(reply);
      expect(limitProblems(rendered), stage.id).toEqual([]);
      const embed = rendered.embeds[0];
      expect(embed?.title).toContain(String(stage.number));
      const fieldNames = (embed?.fields ?? []).map((f) => f.name);
      expect(fieldNames).toEqual(expect.arrayContaining(['What to learn', 'Milestone project', 'Typical time', 'Resources']));
      const buttons = rendered.components.flatMap((r) => r.components);
      const labels = buttons.map((b) => ('label' in b ? b.label : undefined));
      expect(labels.includes('Previous stage')).toBe(stage.number > 1);
      expect(labels.includes('Next stage')).toBe(stage.number < 12);
      expect(buttons.find((b) => 'url' in b && b.url)).toMatchObject({ style: 5, url: stage.resources[0]?.url });
      expect(embed?.footer?.text).toContain(stage.reviewed);
    }
  });

  it('renders the overview, help and every kind of non-answer within the limits', () => {
    const replies = [router.overview(), router.help(), router.answer('hey'), router.answer('banana bread recipe'), throttledReply(12_000), errorReply()];
    for (const reply of replies) expect(limitProblems(renderReply(reply)), reply.kind).toEqual([]);
  });
});

describe('oversized replies', () => {
  const long = (n: number, word = 'lorem') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
  const huge: Reply = makeReply({
    kind: 'answer',
    answered: true,
    title: `A title that is far too long ${long(80)}`,
    body: Array.from({ length: 60 }, (_, i) => `Paragraph ${i} with **bold ${long(8)}** and [a link ${i}](https://example.com/${i}) and \`code_${i}\` ${long(20)}`).join('\n\n'),
    sections: Array.from({ length: 40 }, (_, i) => ({ heading: `Section ${i} ${long(60)}`, body: Array.from({ length: 30 }, (_, j) => `- item ${j} **${long(5)}** [x](https://example.com/${i}/${j})`).join('\n') })),
    links: Array.from({ length: 30 }, (_, i) => ({ title: `Link ${i} ${long(30)}`, url: `https://example.com/docs/${i}` })),
    actions: [
      ...Array.from({ length: 30 }, (_, i) => ({ label: `Related ${long(30)}`, ref: `entry:related-${i}`, role: 'related' as const })),
      ...Array.from({ length: 30 }, (_, i) => ({ label: `Suggestion ${long(30)}`, ref: `entry:suggestion-${i}`, role: 'suggestion' as const })),
      { label: 'prev', ref: 'stage:a', role: 'previous' as const },
      { label: 'next', ref: 'stage:b', role: 'next' as const },
      { label: 'too long a ref', ref: `entry:${'x'.repeat(120)}`, role: 'suggestion' as const },
    ],
    source: { id: 'huge', reviewed: '2026-11-26', file: 'x.yaml' },
  });

  it('cuts every part to Discord limits and keeps the markdown well-formed', () => {
    const rendered = renderReply(huge);
    expect(limitProblems(rendered)).toEqual([]);
    const embed = rendered.embeds[0];
    expect(embed?.description?.endsWith('…')).toBe(true);
    expect(embed?.footer?.text).toBe('Source: huge · reviewed 2026-11-26');
    for (const text of allText(rendered)) expect(markdownIsBalanced(text), text).toBe(true);
    // The budget is used, not thrown away: the embed is near the 6,000 total.
    const total = (embed?.title?.length ?? 0) + (embed?.description?.length ?? 0) + (embed?.footer?.text.length ?? 0) + (embed?.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeGreaterThan(5000);
  });

  it('never emits a custom_id over 100 characters; such an action is left out', () => {
    const ids = renderReply(huge).components.flatMap((r) => r.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
    expect(ids.every((id) => id.length <= 100)).toBe(true);
    expect(ids.some((id) => id.includes('xxxx'))).toBe(false);
  });
});

describe('text shows as written', () => {
  it('escapes Discord markup in plain text but keeps the subset formatting', () => {
    const reply = makeReply({
      kind: 'answer',
      title: 'What do __init__.py and *args do?',
      body: 'Use **bold** and `snake_case_code` but snake_case text, C# ~~not strike~~ and a|pipe.\n\n# not a heading',
    });
    const embed = renderReply(reply).embeds[0];
    expect(embed?.title).toBe('What do \\_\\_init\\_\\_.py and \\*args do?');
    expect(unescape(embed?.title ?? '')).toBe(reply.title);
    expect(embed?.description).toContain('**bold**');
    expect(renderReply(makeReply({ kind: 'answer', title: 't', body: 'Use **`jsonb`** here' })).embeds[0]?.description).toBe('Use **`jsonb`** here');
    expect(embed?.description).toContain('`snake_case_code`');
    expect(embed?.description).toContain('snake\\_case text');
    expect(embed?.description).toContain('\\~\\~not strike\\~\\~');
    expect(embed?.description).toContain('\\# not a heading');
  });

  it('escapes list, quote and subtext markers at the start of a line so the text shows as written', () => {
    expect(escapeDiscord('1. first')).toBe('1\\. first');
    expect(escapeDiscord('> quoted')).toBe('\\> quoted');
    expect(escapeDiscord('-# small')).toBe('\\-# small');
    expect(unescape(escapeDiscord('12. twelve'))).toBe('12. twelve');
  });

  it('escapes mention syntax so user or curated text cannot render as a mention', () => {
    expect(escapeDiscord('<@123> and <#456>')).toBe('\\<@123\\> and \\<#456\\>');
  });

  it('keeps links clickable even when the URL has brackets', () => {
    const md = discordMarkdown('See [the docs](https://en.wikipedia.org/wiki/Index_(database)).', 200);
    expect(md).toContain('[the docs](https://en.wikipedia.org/wiki/Index_%28database)');
  });

  it('cuts long text at a line, and never inside a link or bold text', () => {
    const md = '- **first item is bold** and [linked](https://example.com/a)\n- second item **is bold and long enough to be cut somewhere in the middle** [link](https://example.com/b)';
    for (let max = 10; max <= md.length + 10; max += 3) {
      const out = discordMarkdown(md, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(markdownIsBalanced(out), `${max}: ${out}`).toBe(true);
    }
  });
});

describe('autocomplete choices', () => {
  it('gives at most 25 choices, names and values within 100 characters, without duplicates', () => {
    const completions = Array.from({ length: 40 }, (_, i) => ({ label: `Question ${i % 30} ${'x'.repeat(150)}`, value: `Question ${i % 30} ${'y'.repeat(150)}` }));
    const choices = renderChoices(completions);
    expect(choices).toHaveLength(25);
    expect(choices.every((c) => c.name.length <= 100 && c.value.length <= 100 && c.name.length > 0)).toBe(true);
    expect(new Set(choices.map((c) => c.value)).size).toBe(25);
  });
});
