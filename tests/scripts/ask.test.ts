import { afterAll, describe, expect, it } from 'vitest';
import { createRouter, loadKnowledgeBase, replyToText } from '../../src/index.ts';
import { toJsonlLine } from '../../scripts/jsonl.ts';
import { removeTempDirs, syntheticKbDir } from '../support/fixtures.ts';
import { cleanEnv, runScript } from '../support/spawn.ts';

afterAll(removeTempDirs);

const dir = syntheticKbDir();
const router = createRouter(loadKnowledgeBase(dir));
const env = cleanEnv({ KNOWLEDGE_DIR: dir });

describe.concurrent('scripts/ask.ts', () => {
  it('--jsonl answers each stdin line with one JSON object of the documented shape', async () => {
    const questions = ['stage 4', 'how do I "escape" \\ this? <b>ünïcödé</b> 😀', 'what comes after databases'];
    const r = await runScript('scripts/ask.ts', ['--jsonl'], { input: `${questions.join('\n')}\n`, env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    lines.forEach((line, i) => {
      const obj = JSON.parse(line) as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => k !== 'kind').sort();
      expect(keys).toEqual(['answered', 'id', 'question', 'score', 'text', 'topic']);
      expect(obj.question).toBe(questions[i]);
      expect(typeof obj.answered).toBe('boolean');
      expect(obj.topic === null || typeof obj.topic === 'string').toBe(true);
      expect(obj.id === null || typeof obj.id === 'string').toBe(true);
      expect(Number.isFinite(obj.score)).toBe(true);
      expect(typeof obj.text).toBe('string');
      expect((obj.text as string).length).toBeGreaterThan(0);
      if ('kind' in obj) expect(typeof obj.kind).toBe('string');
      // The same line the core gives in process, so eval and ask agree.
      expect(obj).toEqual(JSON.parse(JSON.stringify(toJsonlLine(questions[i] as string, router.answer(questions[i] as string)))));
    });
    expect(JSON.parse(lines[0] as string)).toMatchObject({ answered: true, topic: 'databases', id: 'databases' });
  });

  it('"a question" prints the answer as text', async () => {
    const r = await runScript('scripts/ask.ts', ['--', 'show', 'me', 'the', 'roadmap'], { env });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${replyToText(router.answer('show me the roadmap'))}\n`);
    expect(r.stdout).toContain('The backend roadmap');
  });

  it('exits 2 with usage when given nothing to ask', async () => {
    const r = await runScript('scripts/ask.ts', [], { env });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: /);
  });
});
