/**
 * The Block Kit renderer: Slack's limits for every reply the knowledge base can produce,
 * escaping, and the markdown -> mrkdwn conversion. The limits are written out here from
 * Slack's documentation on purpose, not imported, so a wrong constant in blocks.ts fails.
 */
import { describe, expect, it } from 'vitest';
import { errorReply, makeReply, throttledReply, type Reply } from '../../../src/index.ts';
import { renderReply, type SlackMessage } from '../../../adapters/slack/blocks.ts';
import { kb, router } from '../../support/core.ts';
import { allTexts, buttons, headerText } from './support/inspect.ts';

type Block = Record<string, unknown> & { type: string };

/** Every way `message` breaks a Slack limit (docs.slack.dev Block Kit reference; bolt-js#2509). */
function limitProblems(message: SlackMessage): string[] {
  const problems: string[] = [];
  const blocks = message.blocks as unknown as Block[];
  if (!message.text.trim()) problems.push('no fallback text');
  if (message.text.length > 40_000) problems.push('fallback text over 40,000');
  if (blocks.length > 50) problems.push(`${blocks.length} blocks (max 50)`);
  const json = JSON.stringify(blocks).length;
  if (json > 12_000) problems.push(`blocks are ${json} characters of JSON, not well under the ~13.2k Slack rejects`);
  for (const b of blocks) {
    if (b.type === 'header') {
      const t = (b.text as { type: string; text: string });
      if (t.type !== 'plain_text' || t.text.length > 150 || !t.text) problems.push(`header text ${t.text.length} (max 150)`);
    } else if (b.type === 'section') {
      const t = (b.text as { text: string }).text;
      if (t.length > 3000 || !t.trim()) problems.push(`section text ${t.length} (1..3000)`);
    } else if (b.type === 'context') {
      const elements = b.elements as { text: string }[];
      if (elements.length > 10 || !elements.length) problems.push(`context with ${elements.length} elements (1..10)`);
      for (const e of elements) if (e.text.length > 3000) problems.push('context text over 3000');
    } else if (b.type === 'actions') {
      const elements = b.elements as { action_id: string; value?: string; text: { text: string } }[];
      if (elements.length > 25 || !elements.length) problems.push(`actions with ${elements.length} elements (1..25)`);
      if (new Set(elements.map((e) => e.action_id)).size !== elements.length) problems.push('duplicate action_id in one block');
      for (const e of elements) {
        if (e.text.text.length > 75) problems.push(`button text ${e.text.text.length} (max 75)`);
        if ((e.value ?? '').length > 2000) problems.push('button value over 2000');
        if (e.action_id.length > 255) problems.push('action_id over 255');
      }
    } else problems.push(`unexpected block type ${b.type}`);
  }
  return problems;
}

const decorated = (reply: Reply) =>
  renderReply(reply, { share: { roadmap: 'q'.repeat(500) }, asked: `/roadmap ${'&<>'.repeat(200)}`, sharedBy: 'U0SHARER' });

describe('every reply of the knowledge base fits Slack', () => {
  it('every entry', () => {
    expect(kb.entries.length).toBeGreaterThan(0);
    for (const entry of kb.entries) {
      const reply = router.open(`entry:${entry.id}`);
      expect(reply.id, 'Router.open must reach each entry by its ref').toBe(entry.id);
      expect(limitProblems(renderReply(reply)), entry.id).toEqual([]);
      expect(limitProblems(decorated(reply)), entry.id).toEqual([]);
    }
  });

  it('every stage, the overview, help, unsure, decline, throttled and error replies', () => {
    expect(kb.stages).toHaveLength(12);
    const replies = [
      ...kb.stages.map((s) => router.stage(s.id)),
      router.overview(),
      router.help(),
      router.answer('zzqx vlorp'),
      router.answer("what's a good recipe for banana bread"),
      throttledReply(12_345),
      errorReply(),
    ];
    for (const reply of replies) {
      expect(reply).not.toBeNull();
      expect(limitProblems(renderReply(reply!)), reply!.title).toEqual([]);
      expect(limitProblems(decorated(reply!)), reply!.title).toEqual([]);
    }
  });

  it('keeps stage cards whole (no "shortened" note) for the shipped stages', () => {
    for (const s of kb.stages) expect(allTexts(renderReply(router.stage(s.id)!).blocks).join('\n')).not.toContain('Shortened');
  });
});

describe('an oversized reply still fits every limit', () => {
  const huge = makeReply({
    kind: 'stage',
    answered: true,
    title: '&<>'.repeat(200),
    body: Array.from({ length: 60 }, (_, i) => `Para ${i} & <b> [link ${i} & more](https://example.org/${i}?a=1&b=2) **bold**`).join('\n\n'),
    sections: Array.from({ length: 70 }, (_, i) => ({ heading: `Section ${i} <&>`, body: `- ${'&'.repeat(1500)}\n- ${'word '.repeat(700)}` })),
    links: Array.from({ length: 12 }, (_, i) => ({ title: `Link ${i} ${'&'.repeat(100)}`, url: `https://example.org/${i}?x=<y>&z=|` })),
    actions: Array.from({ length: 40 }, (_, i) => ({ label: `Action ${i} ${'x'.repeat(120)}`, ref: `stage:s${i}`, role: 'related' as const })),
    source: { id: 'huge', reviewed: '2026-11-26', file: 'x.yaml' },
    stage: { id: 'huge', number: 4, total: 12 },
  });

  it('respects blocks, characters, buttons and the total budget, and says it was shortened', () => {
    const message = decorated(huge);
    expect(limitProblems(message)).toEqual([]);
    expect(allTexts(message.blocks).join('\n')).toContain('Shortened to fit in Slack');
    expect(buttons(message.blocks).length).toBeLessThanOrEqual(25);
    expect(buttons(message.blocks).at(-1)?.action_id).toBe('roadmap_share');
    const json = JSON.stringify(message.blocks);
    expect(json.split('"type":"mrkdwn"').length).toBe(json.split('"verbatim":true').length);
  });

  it('never cuts inside a link or an entity', () => {
    for (const text of allTexts(renderReply(huge).blocks)) {
      expect(text.split('<').length, text.slice(0, 80)).toBe(text.split('>').length);
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
  });

  it('writes a section without a heading as just its body', () => {
    const r = makeReply({ kind: 'answer', title: 't', sections: [{ heading: '', body: 'only the body' }] });
    expect(allTexts(renderReply(r).blocks)).toContain('only the body');
  });

  it('splits a long section across several section blocks instead of dropping it', () => {
    const long = makeReply({ kind: 'answer', title: 't', body: Array.from({ length: 40 }, (_, i) => `Line ${i} ${'& '.repeat(40)}`).join('\n\n') });
    const sections = (renderReply(long).blocks as unknown as Block[]).filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(1);
    expect(allTexts(sections).join('\n')).toContain('Line 39');
  });
});

describe('text', () => {
  const reply = makeReply({
    kind: 'answer',
    answered: true,
    title: 'Q & A <about> @here',
    body: 'Use **PostgreSQL** & `a<b>`, see [docs & <more>](https://example.org/p?a=1&b=2|x).\n\n- first\n- second <!channel>',
    sections: [{ heading: 'Why <this>', body: 'Because & so on' }],
    links: [{ title: 'Tutorial <1> & co', url: 'https://example.org/t?x=1&y=2' }],
    actions: [
      { label: '3. Languages', ref: 'stage:languages', role: 'previous' },
      { label: '5. Servers', ref: 'stage:servers-apis', role: 'next' },
      { label: 'What is an index?', ref: 'entry:indexes', role: 'related' },
    ],
    source: { id: 'sql-or-nosql', reviewed: '2026-11-26', file: 'stages/04.yaml' },
    stage: null,
  });
  const message = renderReply(reply);
  const texts = allTexts(message.blocks);

  it('converts markdown to mrkdwn with escaped text, code and links', () => {
    expect(texts).toContain(
      'Use *PostgreSQL* &amp; `a&lt;b&gt;`, see <https://example.org/p?a=1&amp;b=2%7Cx|docs &amp; &lt;more&gt;>.\n\n• first\n• second &lt;!channel&gt;',
    );
    expect(texts).toContain('*Why &lt;this&gt;*\nBecause &amp; so on');
    expect(texts).toContain('*Links*\n• <https://example.org/t?x=1&amp;y=2|Tutorial &lt;1&gt; &amp; co>');
  });

  it('escapes the header and neutralises broadcast words', () => {
    expect(headerText(message.blocks)).toBe('Q &amp; A &lt;about&gt; @\u2060here');
  });

  it('sets verbatim on every mrkdwn text so Slack parses nothing by itself', () => {
    const mrkdwn = JSON.stringify(message.blocks).match(/"type":"mrkdwn"[^}]*/g) ?? [];
    expect(mrkdwn.length).toBeGreaterThan(2);
    for (const m of mrkdwn) expect(m).toContain('"verbatim":true');
  });

  it('shows the source entry id and reviewed date as context', () => {
    expect(texts).toContain('Source: `sql-or-nosql` · reviewed 2026-11-26');
  });

  it('draws actions as buttons carrying the core ref, with arrows for previous and next', () => {
    expect(buttons(message.blocks).map((b) => [b.text.text, b.value])).toEqual([
      ['← 3. Languages', 'stage:languages'],
      ['5. Servers →', 'stage:servers-apis'],
      ['What is an index?', 'entry:indexes'],
    ]);
  });

  it('always sets an escaped plain-text fallback', () => {
    expect(message.text).toContain('Q &amp; A &lt;about&gt;');
    expect(message.text).not.toMatch(/[<>]/);
  });

  it('credits a sharer only by a real user id', () => {
    expect(allTexts(renderReply(reply, { sharedBy: 'U0ABC' }).blocks)).toContain('Shared by <@U0ABC>');
    expect(JSON.stringify(renderReply(reply, { sharedBy: '!channel' }).blocks)).not.toContain('Shared by');
  });
});
