import { afterAll, describe, expect, it } from 'vitest';
import { lineOf, removeTempDirs, syntheticKbDir, yaml } from '../support/fixtures.ts';
import { cleanEnv, runScript } from '../support/spawn.ts';

afterAll(removeTempDirs);

const STACK = /^\s+at .+[(:]\d+/m;

describe.concurrent('adapters/main.ts (npm start)', () => {
  it('with no platform configured, answers piped questions in the REPL and exits 0 at end of input', async () => {
    const r = await runScript('adapters/main.ts', [], { input: 'roadmap\nstage 4\n', env: cleanEnv({ KNOWLEDGE_DIR: syntheticKbDir() }) });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('The backend roadmap');
    expect(r.stdout).toContain('Stage 4: ');
    expect(r.stdout).not.toMatch(/\u001b/);
    expect(r.stdout).not.toContain('you> ');
  });

  it('refuses a broken knowledge base: exit 1, every problem listed, no stack trace', async () => {
    const career = yaml('topic: career', 'entries:', '  - id: broken-entry', '    question: What now?', '    alts: [x]', '    tags: [y]', '    answer: z', '    reviewed: soon');
    const dir = syntheticKbDir({ 'topics/career.yaml': career, 'stages/12-portfolio.yaml': null });
    const r = await runScript('adapters/main.ts', [], { input: 'roadmap\n', env: cleanEnv({ KNOWLEDGE_DIR: dir }) });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`topics/career.yaml:${lineOf(career, 'reviewed')}: entry "broken-entry": "reviewed" must be a date`);
    expect(r.stderr).toContain('stage "portfolio" is missing');
    expect(r.stderr).toMatch(/^2 problems in the knowledge base:/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('refuses half-configured Slack: exit 1, one clear line, and never the token', async () => {
    const r = await runScript('adapters/main.ts', [], { env: cleanEnv({ SLACK_BOT_TOKEN: 'xoxb-secretvalue123', KNOWLEDGE_DIR: syntheticKbDir() }) });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('secretvalue123');
    expect(r.stderr).not.toMatch(STACK);
    const problems = r.stderr.split('\n').filter((l) => l.startsWith('  - '));
    expect(problems).toEqual(['  - Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).']);
  });
});
