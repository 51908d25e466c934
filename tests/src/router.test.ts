import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticKb } from '../../scripts/synthetic-kb.ts';
import { STAGE_IDS, TOPIC_IDS, createRouter, loadKnowledgeBase, type Reply, type Router } from '../../src/index.ts';
import { coreReply, loadScenarios, mismatches } from '../scenarios/scenarios.ts';
import { removeTempDirs, tempDir, writeFiles, yaml } from '../support/fixtures.ts';

afterAll(removeTempDirs);

// A synthetic base plus hand-written entries that give autocomplete something to find for "sq"
// (more than 25 of them) and one question longer than 100 characters.
const LONG_QUESTION = `SQL question that goes on and on ${'about joins and indexes and query plans '.repeat(5)}`.trim();
const dir = tempDir();
const samples = writeSyntheticKb(dir, { entries: 60, seed: 11 });
writeFiles(dir, {
  'topics/overview.yaml': yaml(
    'topic: overview',
    'entries:',
    ...Array.from({ length: 30 }, (_, i) => [
      `  - id: sql-hand-${i}`,
      `    question: ${i === 0 ? LONG_QUESTION : `SQL squad question number ${i}?`}`,
      `    alts: [sql thing ${i}]`,
      '    tags: [sql]',
      '    answer: "**SQL** is a `query` language: see [the docs](https://example.org/sql)."',
      `    related: [sql-hand-${(i + 1) % 30}, synthetic-1]`,
      '    reviewed: 2026-11-26',
    ]).flat(),
  ),
  'decline.yaml': yaml('declines:', '  - id: hand-decline', '    question: How do I bake banana bread?', '    alts: [banana bread recipe]', '    tags: [baking]', '    answer: That is not a backend question.', '    reviewed: 2026-11-26'),
  'synonyms.yaml': yaml('database: [db, databse]'),
});
const kb = loadKnowledgeBase(dir);
const router: Router = createRouter(kb);

const KINDS = ['answer', 'stage', 'overview', 'help', 'unsure', 'decline', 'throttled', 'error'];
const ROLES = ['related', 'suggestion', 'previous', 'next', 'stage'];
const MENTION = /@everyone|@here|<!(?:channel|here|everyone)>/;

/** Throws (via expect) unless `reply` has the shape every adapter relies on. */
function expectWellFormed(reply: Reply): void {
  expect(KINDS).toContain(reply.kind);
  expect(typeof reply.title).toBe('string');
  expect(reply.title.trim()).not.toBe('');
  expect(typeof reply.body).toBe('string');
  expect(typeof reply.answered).toBe('boolean');
  expect(reply.answered).toBe(['answer', 'stage', 'overview'].includes(reply.kind));
  for (const s of reply.sections) expect([typeof s.heading, typeof s.body]).toEqual(['string', 'string']);
  for (const l of reply.links) expect(l.url).toMatch(/^https:\/\//);
  expect(Array.isArray(reply.actions)).toBe(true);
  for (const a of reply.actions) {
    expect(a.label.trim()).not.toBe('');
    expect(a.ref.length).toBeGreaterThan(0);
    expect(a.ref.length).toBeLessThanOrEqual(90);
    expect(ROLES).toContain(a.role);
  }
  expect(Number.isFinite(reply.score)).toBe(true);
  expect(reply.score).toBeGreaterThanOrEqual(0);
  if (reply.topic !== null) expect(TOPIC_IDS).toContain(reply.topic);
  if (reply.answered) expect([typeof reply.topic, typeof reply.id]).toEqual(['string', 'string']);
  if (reply.kind === 'stage') expect(reply.stage).toMatchObject({ id: reply.id, total: 12 });
  else expect(reply.stage).toBeNull();
  // Nothing the bot says may ping a whole server or channel, whatever it was sent.
  expect(JSON.stringify(reply)).not.toMatch(MENTION);
}

const HOSTILE: string[] = [
  '',
  ' ',
  ' \t\n\r\u00a0\u2028 ',
  'x'.repeat(100_000),
  'database '.repeat(12_000),
  '!'.repeat(100_000) + 'a',
  ', '.repeat(50_000) + 'x',
  '\u0000'.repeat(1000),
  '\u0000\u0001\u0002\u001b[31mred\u001b[0m\u007f\u0085\u009b',
  '\ud800\udc00\ud800 lone \udfff surrogates \ud83d',
  '😀🔥👩‍💻🏳️‍🌈 what about 🐘 postgres?',
  'مرحبا، كيف أتعلم قواعد البيانات؟ \u202eevil\u202c',
  'שלום sql או nosql',
  '**bold** `code` [link](https://example.org) <script>alert(1)</script> <b>hi</b> # heading\n> quote\n| a | b |',
  '@everyone @here <!channel> <!here> <@U12345> <@!1234> <@&999> hello',
  '.*+?^${}()|[]\\/ (a+)+$ [^] \\b \\1',
  'stage 999', 'stage -1', 'stage 0', 'stage 4.5', 'stage NaN', '#13', 'after', 'what comes after', 'what comes before stage 1', 'what comes after portfolio',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'entry:__proto__', 'stage:constructor',
  'https://example.org/'.repeat(2000),
  `${'a'.repeat(50_000)} ${'b'.repeat(50_000)}`,
  'c++ c# f# .net asp.net node.js ci/cd i/o w/o w/ it\'s'.repeat(500),
];

describe('router: never throws, always a well-formed Reply', () => {
  it.each(HOSTILE.map((q, i) => [i, q.slice(0, 40)] as const))('hostile input #%i (%j...)', (i) => {
    const q = HOSTILE[i] as string;
    expectWellFormed(router.answer(q));
    expectWellFormed(router.answer(q, { stage: q }));
    expectWellFormed(router.roadmap(q));
    const s = router.stage(q);
    if (s !== null) expect(s.kind).toBe('stage');
    expectWellFormed(router.open(q));
    const c = router.complete(q);
    expect(c.length).toBeLessThanOrEqual(25);
  });

  it('holds for random text (fast-check)', () => {
    const surrogates = fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n));
    const controls = fc.integer({ min: 0, max: 0x9f }).filter((n) => n < 0x20 || n >= 0x7f).map((n) => String.fromCharCode(n));
    const pieces = fc.constantFrom(
      'stage', 'after', 'before', 'roadmap', 'help', 'databases', 'sql', 'db', 'the', '4', 'four', '#', '?', '!', '.', ',', ' ', '\n',
      '@everyone', '<!channel>', '**', '`', '[x](https://e.org)', '<b>', '😀', '\u202e', 'مرحبا', 'c++', 'node.js', '(a+)+$', '\\', '%s', '${x}',
      ...samples.slice(0, 20),
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.string({ unit: fc.oneof(surrogates, controls, fc.string({ unit: 'binary-ascii', maxLength: 3 })), maxLength: 200 }),
      fc.array(pieces, { maxLength: 30 }).map((ws) => ws.join(' ')),
      fc.array(pieces, { maxLength: 30 }).map((ws) => ws.join('')),
      fc.tuple(fc.string({ maxLength: 3 }), fc.integer({ min: 1, max: 3_000 })).map(([s, n]) => s.repeat(n)),
    );
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), (q, ctx) => {
        const reply = router.answer(q, ctx === undefined ? undefined : { stage: ctx });
        expectWellFormed(reply);
        expectWellFormed(router.roadmap(q));
        const s = router.stage(q);
        if (s !== null) {
          expectWellFormed(s);
          expect(s.kind).toBe('stage');
        }
        for (const a of reply.actions) expectWellFormed(router.open(a.ref));
        expectWellFormed(router.open(q));
        for (const c of router.complete(q)) expect(c.label.length <= 100 && c.value.length <= 100).toBe(true);
      }),
      { numRuns: 200, seed: 20261126 },
    );
  });

  it('reads platform mentions as nothing: with or without them, the same reply', () => {
    for (const q of ['stage 4', 'roadmap', 'hey', ...samples.slice(0, 10)]) {
      const plain = router.answer(q);
      for (const wrapped of [`<@U0BOT1> ${q}`, `@everyone ${q} @here`, `<!channel> ${q} <#C123|general> <@&987>`]) expect(router.answer(wrapped)).toEqual(plain);
    }
    expect(router.answer('@everyone @here <!channel>')).toEqual(router.answer(''));
  });

  it('answers a 100 kB message in under 200 ms', () => {
    router.answer('warm up the index and the stemmer cache');
    const shapes = [
      'x'.repeat(100_000),
      '!'.repeat(100_000) + 'a',
      '. '.repeat(50_000) + 'a',
      'database sql api '.repeat(6_000),
      'what comes after '.repeat(6_000),
      '😀'.repeat(50_000),
      'hey '.repeat(25_000) + 'x',
    ];
    for (const q of shapes) {
      // Best of three, so a busy machine or a GC pause does not fail it; a slow algorithm is slow every time.
      const ms = Math.min(
        ...[1, 2, 3].map(() => {
          const started = performance.now();
          router.answer(q);
          return performance.now() - started;
        }),
      );
      expect(ms, `${JSON.stringify(q.slice(0, 20))}...`).toBeLessThan(200);
    }
  });
});

describe('router: stages and the roadmap', () => {
  it('lists the twelve stages in order', () => {
    expect(router.stages.map((s) => s.id)).toEqual([...STAGE_IDS]);
    expect(router.stages.map((s) => s.number)).toEqual(STAGE_IDS.map((_, i) => i + 1));
  });

  it("roadmap('') is the overview, listing every stage", () => {
    for (const arg of ['', '   ', undefined]) {
      const r = router.roadmap(arg);
      expectWellFormed(r);
      expect(r.kind).toBe('overview');
      expect(r.answered).toBe(true);
    }
    const body = router.roadmap('').sections.map((s) => s.body).join('\n');
    for (const s of kb.stages) expect(body).toContain(s.title);
  });

  it.each(['4', 'databases', 'stage four', 'Stage 4', '#4', 'stage #4', '  DATABASES  '])('stage(%j) is the databases card', (arg) => {
    const r = router.stage(arg);
    expect(r).not.toBeNull();
    expectWellFormed(r as Reply);
    expect(r).toMatchObject({ kind: 'stage', id: 'databases', topic: 'databases', stage: { id: 'databases', number: 4, total: 12 } });
    expect(router.roadmap(arg)).toMatchObject({ kind: 'stage', id: 'databases' });
  });

  it.each(['nonsense', '0', '13', '99', 'stage thirteen', ''])('stage(%j) is null', (arg) => {
    expect(router.stage(arg)).toBeNull();
  });

  it('stage cards link to the previous and next stage, and no further', () => {
    const roles = (id: string) => (router.stage(id) as Reply).actions.map((a) => `${a.role}:${a.ref}`);
    expect(roles('fundamentals')).toEqual(['next:stage:web-basics']);
    expect(roles('databases')).toEqual(['previous:stage:languages', 'next:stage:servers-apis']);
    expect(roles('portfolio')).toEqual(['previous:stage:continuous-learning']);
  });
});

describe('router: open and complete', () => {
  it('open() turns every action ref of a few replies back into a Reply', () => {
    const replies = [router.overview(), router.help(), router.stage('1') as Reply, router.stage('12') as Reply, router.open('entry:sql-hand-3'), ...samples.slice(0, 10).map((q) => router.answer(q)), router.answer('zzzz qqqq')];
    let opened = 0;
    for (const reply of replies)
      for (const action of reply.actions) {
        const r = router.open(action.ref);
        expectWellFormed(r);
        // A ref names what it opens: an entry ref opens that entry, a stage ref that stage.
        const [kind, id] = action.ref.split(':');
        if (kind === 'entry') expect(r).toMatchObject({ kind: 'answer', id });
        if (kind === 'stage') expect(r).toMatchObject({ kind: 'stage', id });
        if (kind === 'overview') expect(r.kind).toBe('overview');
        opened++;
      }
    expect(opened).toBeGreaterThan(10);
  });

  it('open() of an entry offers its related entries first', () => {
    const r = router.open('entry:sql-hand-3');
    expect(r.actions.slice(0, 2).map((a) => a.ref)).toEqual(['entry:sql-hand-4', 'entry:synthetic-1']);
    expect(r.actions.every((a) => a.ref !== 'entry:sql-hand-3')).toBe(true);
  });

  const BAD_REFS = ['garbage', '', ':', 'entry:', 'entry:nope', 'stage:', 'stage:nope', 'entry:__proto__', 'stage:constructor', '\u0000', 'x'.repeat(10_000)];
  it.each(BAD_REFS.map((ref, i) => [i, ref.slice(0, 20)] as const))('open(bad ref #%i %j) does not throw and gives help', (i) => {
    const r = router.open(BAD_REFS[i] as string);
    expectWellFormed(r);
    expect(r.kind).toBe('help');
  });

  it("complete('') and complete('sq') return at most 25 items of at most 100 characters", () => {
    for (const partial of ['', 'sq']) {
      const items = router.complete(partial);
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(25);
      for (const c of items) {
        expect(c.label.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
        expect(c.label.trim()).not.toBe('');
      }
    }
    // There are 30 SQL questions, so the limit is what stops the list.
    expect(router.complete('sq')).toHaveLength(25);
    expect(router.complete('sq', 5)).toHaveLength(5);
  });

  it('complete() cuts a long question to 100 characters', () => {
    expect(LONG_QUESTION.length).toBeGreaterThan(100);
    const items = router.complete('sql question that goes');
    const long = items.find((c) => LONG_QUESTION.startsWith(c.value));
    expect(long?.value).toHaveLength(100);
  });
});

describe('scenarios (tests/scenarios) on the shipped knowledge base', () => {
  it.each(loadScenarios().map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    // Imported here so that a knowledge base still being written fails only these tests, with its problem list.
    const { router: shipped } = await import('../support/core.ts');
    const reply = coreReply(shipped, scenario);
    expectWellFormed(reply);
    expect(mismatches(reply, scenario)).toEqual([]);
  });
});
