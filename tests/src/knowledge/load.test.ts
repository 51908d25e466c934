import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ANSWER_LIMIT, KnowledgeBaseError, STAGE_IDS, loadKnowledgeBase, type Problem } from '../../../src/index.ts';
import { lineOf, problemsOf, removeTempDirs, syntheticKbDir, tempDir, yaml } from '../../support/fixtures.ts';
import { runScript } from '../../support/spawn.ts';

afterAll(removeTempDirs);

/** A valid hand-written career file; `lines` replace or extend the entry's fields. */
function careerFile(entryLines: string[] = [], { header = ['topic: career'] } = {}): string {
  return yaml(
    ...header,
    'entries:',
    '  - id: hand-first-job',
    '    question: How do I get my first backend job?',
    '    alts: [first backend job, junior backend job]',
    '    tags: [job, junior]',
    '    answer: Build two small projects, put them on GitHub and apply widely.',
    '    reviewed: 2026-11-26',
    ...entryLines,
  );
}

/** Replaces the field line starting with `key:` in the first entry of careerFile. */
function careerWith(key: string, replacement: string[]): string {
  const lines = careerFile().trimEnd().split('\n');
  const at = lines.findIndex((l) => l.trimStart().startsWith(`${key}:`) || l.trimStart().startsWith(`- ${key}:`));
  if (at < 0) throw new Error(`no ${key} line`);
  lines.splice(at, 1, ...replacement);
  return yaml(...lines);
}

/** The one problem whose message matches `pattern` (fails when there is none, or several). */
function only(problems: Problem[], pattern: RegExp): Problem {
  const found = problems.filter((p) => pattern.test(p.message));
  expect(found, `problems: ${JSON.stringify(problems, null, 1)}`).toHaveLength(1);
  return found[0] as Problem;
}

describe('loadKnowledgeBase: problems with file and line', () => {
  it('reports broken YAML at the offending line', () => {
    const text = careerWith('question', ['    question: what: is this']);
    const dir = syntheticKbDir({ 'topics/career.yaml': text });
    const p = only(problemsOf(dir), /^YAML:/);
    expect(p).toMatchObject({ file: 'topics/career.yaml', line: lineOf(text, 'what: is this') });
  });

  it('reports a tab-indented line and a duplicate key where they are', () => {
    const tabbed = careerWith('question', ['\tquestion: tabs are not YAML indentation']);
    const dupKey = careerWith('tags', ['    tags: [job]', '    tags: [junior]']);
    const dir = syntheticKbDir({ 'topics/career.yaml': tabbed, 'topics/overview.yaml': dupKey.replace('topic: career', 'topic: overview').replace('hand-first-job', 'hand-other') });
    const problems = problemsOf(dir);
    expect(problems.find((p) => p.file === 'topics/career.yaml')?.line).toBe(lineOf(tabbed, '\tquestion'));
    expect(problems.find((p) => p.file === 'topics/overview.yaml')?.line).toBe(lineOf(dupKey, 'tags: [junior]'));
  });

  it('reports a missing field at the entry that lacks it', () => {
    const text = careerWith('tags', []);
    const p = only(problemsOf(syntheticKbDir({ 'topics/career.yaml': text })), /missing field "tags"/);
    expect(p).toMatchObject({ file: 'topics/career.yaml', line: lineOf(text, '- id: hand-first-job') });
  });

  it('reports an unknown field at its own line', () => {
    const text = careerFile(['    tldr: a field nobody reads']);
    const p = only(problemsOf(syntheticKbDir({ 'topics/career.yaml': text })), /unknown field "tldr"/);
    expect(p).toMatchObject({ file: 'topics/career.yaml', line: lineOf(text, 'tldr:') });
  });

  it('reports an unknown top-level field', () => {
    const text = careerFile([], { header: ['topic: career', 'owner: someone'] });
    const p = only(problemsOf(syntheticKbDir({ 'topics/career.yaml': text })), /unknown top-level field "owner"/);
    expect(p).toMatchObject({ file: 'topics/career.yaml', line: 2 });
  });

  it('reports a duplicate id across files at the second one, naming the first', () => {
    const dir = syntheticKbDir();
    const first = readFileSync(join(dir, 'stages/01-fundamentals.yaml'), 'utf8');
    const firstLine = lineOf(first, (l) => l.trim() === '- id: synthetic-0');
    const text = careerWith('- id', ['  - id: synthetic-0']);
    const dir2 = syntheticKbDir({ 'topics/career.yaml': text });
    const p = only(problemsOf(dir2), /duplicate id "synthetic-0"/);
    expect(p).toMatchObject({ file: 'topics/career.yaml', line: lineOf(text, '- id: synthetic-0') });
    expect(p.message).toContain(`stages/01-fundamentals.yaml:${firstLine}`);
  });

  it('reports an unknown topic at the topic line', () => {
    const text = careerFile([], { header: ['# careers, jobs and interviews', 'topic: carrer'] });
    const p = only(problemsOf(syntheticKbDir({ 'topics/career.yaml': text })), /unknown topic "carrer"/);
    expect(p).toMatchObject({ file: 'topics/career.yaml', line: 2 });
  });

  it(`accepts an answer of exactly ${ANSWER_LIMIT} characters and reports one over the limit at the answer`, () => {
    const exact = careerWith('answer', [`    answer: ${'x'.repeat(ANSWER_LIMIT)}`]);
    const kb = loadKnowledgeBase(syntheticKbDir({ 'topics/career.yaml': exact }));
    expect(kb.entries.find((e) => e.id === 'hand-first-job')?.answer).toHaveLength(ANSWER_LIMIT);

    // A folded block: two lines of 450 joined by one space = 901 characters.
    const over = careerWith('answer', ['    answer: >-', `      ${'x'.repeat(450)}`, `      ${'y'.repeat(450)}`]);
    const p = only(problemsOf(syntheticKbDir({ 'topics/career.yaml': over })), /"answer" is 901 characters, over the limit of 900/);
    expect(p).toMatchObject({ file: 'topics/career.yaml', line: lineOf(over, 'answer: >-') });
  });

  it('reports a malformed URL at the link that has it', () => {
    const text = careerFile([
      '    links:',
      '      - title: Fine',
      '        url: https://example.org/fine',
      '      - title: Broken',
      '        url: htps//example.org/broken',
    ]);
    const p = only(problemsOf(syntheticKbDir({ 'topics/career.yaml': text })), /malformed URL "htps\/\/example.org\/broken"/);
    expect(p).toMatchObject({ file: 'topics/career.yaml', line: lineOf(text, '- title: Broken') });
  });

  it('rejects http:// and hostless URLs too', () => {
    const text = careerFile(['    links:', '      - { title: Plain, url: "http://example.org/" }', '      - { title: Local, url: "https://localhost/" }']);
    const problems = problemsOf(syntheticKbDir({ 'topics/career.yaml': text })).filter((p) => /malformed URL/.test(p.message));
    expect(problems.map((p) => p.line)).toEqual([lineOf(text, 'Plain'), lineOf(text, 'Local')]);
  });

  it.each(['2026-13-45', '2026-02-30', '26-11-2026', 'last week', '2026-11-26T10:00:00Z'])('reports a bad reviewed date (%s) at its line', (date) => {
    const text = careerWith('reviewed', [`    reviewed: ${date}`]);
    const p = only(problemsOf(syntheticKbDir({ 'topics/career.yaml': text })), /"reviewed" must be a date/);
    expect(p).toMatchObject({ file: 'topics/career.yaml', line: lineOf(text, `reviewed: ${date}`) });
  });

  it('reports a raw @everyone in an answer at the answer', () => {
    const text = careerWith('answer', ['    answer: |-', '      Good question!', '      Ping @everyone about it.']);
    const p = only(problemsOf(syntheticKbDir({ 'topics/career.yaml': text })), /"answer" contains a raw mention/);
    expect(p).toMatchObject({ file: 'topics/career.yaml', line: lineOf(text, 'answer: |-') });
  });

  it('reports other raw mentions (<!channel>, <@id>, @here) in answers and alts', () => {
    const text = careerWith('answer', ['    answer: "hello <!channel> and <@U123>"', '    alts: [ask @here]']).replace('    alts: [first backend job, junior backend job]\n', '');
    const problems = problemsOf(syntheticKbDir({ 'topics/career.yaml': text })).filter((p) => /raw mention/.test(p.message));
    expect(problems.map((p) => p.line).sort()).toEqual([lineOf(text, 'answer:'), lineOf(text, 'alts:')].sort());
  });

  it('reports a related id that does not exist at the related line', () => {
    const text = careerFile(['    related: [synthetic-1, no-such-entry]']);
    const p = only(problemsOf(syntheticKbDir({ 'topics/career.yaml': text })), /related id "no-such-entry" does not exist/);
    expect(p).toMatchObject({ file: 'topics/career.yaml', line: lineOf(text, 'related:') });
  });

  it('reports a missing stage, naming the stage, against the knowledge dir', () => {
    const dir = syntheticKbDir({ 'stages/04-databases.yaml': null });
    const p = only(problemsOf(dir), /stage "databases" is missing/);
    expect(p).toMatchObject({ file: dir, line: 1 });
  });

  it('reports a stage with the wrong number at the number line', () => {
    const dir = syntheticKbDir();
    const original = readFileSync(join(dir, 'stages/04-databases.yaml'), 'utf8');
    const text = original.replace('  number: 4\n', '  number: 5\n');
    expect(text).not.toBe(original);
    const p = only(problemsOf(syntheticKbDir({ 'stages/04-databases.yaml': text })), /number must be 4/);
    expect(p).toMatchObject({ file: 'stages/04-databases.yaml', line: lineOf(text, 'number: 5') });
  });

  it('reports a stage file without its stage block', () => {
    const dir = syntheticKbDir();
    const original = readFileSync(join(dir, 'stages/09-testing.yaml'), 'utf8');
    const withoutStage = original.replace(/^stage:\n(?: {2}.*\n| {4}.*\n)*/m, '');
    expect(withoutStage).not.toContain('stage:');
    const problems = problemsOf(syntheticKbDir({ 'stages/09-testing.yaml': withoutStage }));
    expect(only(problems, /needs a "stage:" block/)).toMatchObject({ file: 'stages/09-testing.yaml' });
    expect(problems.some((p) => /stage "testing" is missing/.test(p.message))).toBe(true);
  });

  it('reports several problems in several files all at once', () => {
    const broken = careerWith('question', ['    question: what: is this']);
    const overview = careerFile(['    tldr: nope', '    related: [ghost]']).replace('topic: career', 'topic: overview').replace('hand-first-job', 'hand-two');
    const decline = yaml('declines:', '  - id: hand-decline', '    question: React?', '    alts: [react]', '    tags: [react]', '    answer: Not ours.', '    reviewed: yesterday');
    const dir = syntheticKbDir({ 'topics/career.yaml': broken, 'topics/overview.yaml': overview, 'decline.yaml': decline, 'stages/12-portfolio.yaml': null });
    let error: unknown;
    try {
      loadKnowledgeBase(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    const problems = (error as KnowledgeBaseError).problems;
    const where = problems.map((p) => `${p.file}:${p.line}`);
    expect(where).toEqual(
      expect.arrayContaining([
        `topics/career.yaml:${lineOf(broken, 'what: is this')}`,
        `topics/overview.yaml:${lineOf(overview, 'tldr')}`,
        `topics/overview.yaml:${lineOf(overview, 'related')}`,
        `decline.yaml:${lineOf(decline, 'reviewed')}`,
        `${dir}:1`,
      ]),
    );
    expect(problems).toHaveLength(5);
    // The message lists every problem as file:line, for kb:check and the launcher.
    for (const w of where) expect((error as Error).message).toContain(`${w}:`);
    expect((error as Error).message).toMatch(/^5 problems in the knowledge base:/);
  });

  it('reports a directory that does not exist as a problem, not a crash', () => {
    const missing = join(tempDir(), 'nope');
    expect(problemsOf(missing)).toEqual([expect.objectContaining({ file: missing, line: 1, message: expect.stringMatching(/cannot read the knowledge directory/) })]);
  });
});

describe('loadKnowledgeBase: a valid base', () => {
  it('loads every stage, entry, decline and synonym, with where each entry came from', () => {
    const career = careerFile(['    links:', '      - title: Fine', '        url: https://example.org/fine', '    related: [synthetic-1]']);
    const dir = syntheticKbDir({
      'topics/career.yaml': career,
      'decline.yaml': yaml('declines:', '  - id: hand-decline', '    question: How do I learn React?', '    alts: [react or vue]', '    tags: [react]', '    answer: That is frontend.', '    reviewed: 2026-11-26'),
      'synonyms.yaml': yaml('# comment', 'database: [db, databse]', 'postgresql: [postgres, pg]'),
    });
    const kb = loadKnowledgeBase(dir);
    expect(kb.stages.map((s) => s.id)).toEqual([...STAGE_IDS]);
    expect(kb.stages.map((s) => s.number)).toEqual(STAGE_IDS.map((_, i) => i + 1));
    const hand = kb.entries.find((e) => e.id === 'hand-first-job');
    expect(hand).toMatchObject({
      topic: 'career',
      file: 'topics/career.yaml',
      line: lineOf(career, '- id: hand-first-job'),
      tags: ['job', 'junior'],
      links: [{ title: 'Fine', url: 'https://example.org/fine' }],
      related: ['synthetic-1'],
      reviewed: '2026-11-26',
    });
    // 30 synthetic entries, of which the two career ones (14, 29) were replaced by the hand-written file.
    expect(kb.entries).toHaveLength(29);
    expect(kb.entries.filter((e) => e.topic === 'career').map((e) => e.id)).toEqual(['hand-first-job']);
    expect(kb.declines).toEqual([expect.objectContaining({ id: 'hand-decline', file: 'decline.yaml', line: 2 })]);
    expect(kb.synonyms).toEqual({ database: ['db', 'databse'], postgresql: ['postgres', 'pg'] });
  });
});

describe.concurrent('kb:check', () => {
  const run = (dir: string) => runScript('scripts/kb-check.ts', [dir]);

  it('exits 1 on a broken dir, listing file:line of each problem', async () => {
    const text = careerWith('reviewed', ['    reviewed: someday']);
    const r = await run(syntheticKbDir({ 'topics/career.yaml': text }));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`topics/career.yaml:${lineOf(text, 'someday')}: entry "hand-first-job": "reviewed" must be a date`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 0 on a valid dir and says so', async () => {
    const r = await run(syntheticKbDir());
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Knowledge base OK: 12 stages, 30 entries/);
  });
});
